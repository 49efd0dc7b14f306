using System.Buffers;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SocialProtection.Bot.Protocol.Authentication;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Diagnostics;
using SocialProtection.Bot.Protocol.Resources;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace SocialProtection.Bot.Protocol.Hosting;

/// <summary>
/// POST /api/messages: method, content type, token, size and shape are checked in that order (each refusal a
/// problem-details body); then the turn runs to completion before the answer, so what the handler persisted is
/// safe before the channel hears 200. For invokes the handler's response is the HTTP answer. A failing handler
/// never turns into a 500: it is logged, the user is told (see <see cref="ITurnErrorHandler"/>) and the request
/// is answered.
/// </summary>
internal sealed class BotMessagesEndpoint
{
    private const int ReadChunkBytes = 16 * 1024;

    private readonly ChannelAuthenticator _authenticator;
    private readonly IConnectorClient _connector;
    private readonly BotProtocolOptions _options;
    private readonly LocalModeGate _localMode;
    private readonly ILogger<BotMessagesEndpoint> _logger;
    private readonly ProtocolMetrics? _metrics;

    public BotMessagesEndpoint(
        ChannelAuthenticator authenticator, IConnectorClient connector, IOptions<BotProtocolOptions> options, LocalModeGate localMode, ILogger<BotMessagesEndpoint> logger,
        ProtocolMetrics? metrics = null)
    {
        _metrics = metrics;
        _authenticator = authenticator;
        _connector = connector;
        _options = options.Value;
        _localMode = localMode;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await HandleRequestAsync(context, started);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            ProtocolLog.RequestAbandoned(_logger);
            _metrics?.TurnEnded(null, TurnOutcome.Abandoned, started);
        }
        catch (Exception exception)
        {
            // A fault of ours outside the turn (the turn has its own handling): logged, and answered as unavailable
            // rather than as a 500, with the same problem-details shape as every other refusal.
            ProtocolLog.EndpointFailed(_logger, exception);
            await ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "The bot could not take this activity; try again later.");
        }
    }

    private async Task HandleRequestAsync(HttpContext context, long started)
    {
        var request = context.Request;
        var aborted = context.RequestAborted;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, "Activities are delivered with POST.");
            return;
        }
        if (!IsJson(request.ContentType))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "The body must be a JSON activity (Content-Type: application/json).");
            return;
        }

        if (!_options.IsAuthenticationEnabled && !_localMode.IsOpen)
        {
            // Local mode is admitted only once the host has checked where it listens (LocalModeGuard).
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "The bot is starting; try again shortly.");
            return;
        }

        ChannelIdentity? identity = null;
        if (_options.IsAuthenticationEnabled)
        {
            var authentication = await _authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), aborted);
            if (authentication.Identity is null)
            {
                await RefuseAuthenticationAsync(context, authentication.Failure ?? AuthenticationFailure.InvalidToken, authentication.Detail);
                return;
            }
            identity = authentication.Identity;
        }

        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            return;
        }

        Activity? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "The body is not a well-formed JSON activity.");
            return;
        }
        if (parsed is null)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "The body must be a JSON object.");
            return;
        }
        if (MissingFields(parsed) is { } missing)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"The activity lacks required fields: {missing}.");
            return;
        }
        if (DotSegmentIds(parsed) is { } dotted)
        {
            // These ids become connector URL segments; "." or ".." would collapse the path.
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"The activity's {dotted} must not be \".\" or \"..\".");
            return;
        }

        if (identity is not null)
        {
            if (identity.Admit(parsed, _options.EffectiveTrustedServiceUrlHosts) is { } failure)
            {
                await RefuseAuthenticationAsync(context, failure, null);
                return;
            }
        }
        else if (parsed.ServiceUrl is not null && (!ServiceUrl.TryParse(parsed.ServiceUrl, out var serviceUrl) || !ServiceUrl.IsLoopback(serviceUrl)))
        {
            // Without an app id nobody proved who sent this: never let it direct the bot's replies off this machine.
            await RefuseAuthenticationAsync(context, AuthenticationFailure.ServiceUrlNotLoopback, null);
            return;
        }

        if (!ActivityTypes.IsHandled(parsed.Type))
        {
            ProtocolLog.ActivityIgnored(_logger);
            context.Response.StatusCode = StatusCodes.Status200OK;
            _metrics?.TurnEnded(parsed.Type, TurnOutcome.Ignored, started);
            return;
        }

        _metrics?.Received(started);
        await RunTurnAsync(context, RecipientMention.Strip(parsed), started);
    }

    private async Task RunTurnAsync(HttpContext context, Activity activity, long requestStarted)
    {
        var handler = context.RequestServices.GetService<IActivityHandler>();
        if (handler is null)
        {
            ProtocolLog.NoHandler(_logger);
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "The bot is not ready to handle activities.");
            return;
        }

        var isInvoke = string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase);
        var turn = new TurnContext(activity, ConversationReference.FromIncoming(activity), _connector);
        var started = Stopwatch.GetTimestamp();
        InvokeResponse? response;
        var outcome = TurnOutcome.Completed;
        try
        {
            response = await handler.OnTurnAsync(turn, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            ProtocolLog.TurnAbandoned(_logger, activity.Type!);
            _metrics?.TurnEnded(activity.Type, TurnOutcome.Abandoned, requestStarted);
            return;
        }
        catch (Exception exception)
        {
            ProtocolLog.TurnFailed(_logger, exception, activity.Type!, activity.Name);
            response = await OnTurnErrorAsync(context, turn, exception, isInvoke);
            outcome = TurnOutcome.Failed;
        }

        if (isInvoke && response is { Status: < 200 or > 599 })
        {
            ProtocolLog.InvalidInvokeStatus(_logger, response.Status);
            response = AdaptiveCardInvokeResponses.Error(500, "InvalidInvokeResponse", ProtocolText.TurnFailed(activity.Locale));
        }

        var httpResponse = context.Response;
        httpResponse.StatusCode = isInvoke && response is not null ? response.Status : StatusCodes.Status200OK;
        if (isInvoke && response?.Body is { ValueKind: not JsonValueKind.Undefined } json)
        {
            httpResponse.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(httpResponse.Body, json, ProtocolJson.Options, CancellationToken.None);
        }
        ProtocolLog.TurnCompleted(_logger, activity.Type!, activity.Name, httpResponse.StatusCode, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        _metrics?.TurnEnded(activity.Type, outcome, requestStarted);
    }

    private async Task<InvokeResponse?> OnTurnErrorAsync(HttpContext context, TurnContext turn, Exception exception, bool isInvoke)
    {
        var activity = turn.Activity;
        var userFacing = string.Equals(activity.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase) || isInvoke;
        string? text = null;
        try
        {
            var hook = context.RequestServices.GetService<ITurnErrorHandler>();
            text = hook is not null
                ? await hook.OnTurnErrorAsync(turn, exception, context.RequestAborted)
                : userFacing ? ProtocolText.TurnFailed(activity.Locale) : null;
            if (!isInvoke && text is not null)
            {
                await turn.SendActivityAsync(MessageFactory.Text(text), context.RequestAborted);
            }
        }
        catch (Exception hookException)
        {
            ProtocolLog.TurnErrorReplyFailed(_logger, hookException);
        }
        return isInvoke
            ? AdaptiveCardInvokeResponses.Error(500, "TurnFailed", text ?? ProtocolText.TurnFailed(activity.Locale))
            : null;
    }

    /// <summary>The body, or null when the request was refused (413/400) or abandoned.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var limit = _options.MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes.");
            return null;
        }
        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunkBytes);
        try
        {
            using var buffer = new MemoryStream((int)Math.Min(context.Request.ContentLength ?? ReadChunkBytes, limit));
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk.AsMemory(0, ReadChunkBytes), context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes.");
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (BadHttpRequestException exception)
        {
            await RefuseAsync(context, exception.StatusCode, "The request body could not be read.");
            return null;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            ProtocolLog.RequestAbandoned(_logger);
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static string? MissingFields(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "type";
        }
        if (!ActivityTypes.IsHandled(activity.Type))
        {
            return null; // ignored anyway
        }
        var missing = new List<string>(3);
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            missing.Add("conversation.id");
        }
        if (!ServiceUrl.TryParse(activity.ServiceUrl, out _))
        {
            missing.Add("serviceUrl");
        }
        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            missing.Add("from.id");
        }
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    private static string? DotSegmentIds(Activity activity)
    {
        var fields = new List<string>(4);
        if (ConnectorPathId.IsDotSegment(activity.Conversation?.Id))
        {
            fields.Add("conversation.id");
        }
        if (ConnectorPathId.IsDotSegment(activity.Id))
        {
            fields.Add("id");
        }
        if (ConnectorPathId.IsDotSegment(activity.ReplyToId))
        {
            fields.Add("replyToId");
        }
        if (ConnectorPathId.IsDotSegment(activity.From?.Id))
        {
            fields.Add("from.id");
        }
        return fields.Count == 0 ? null : string.Join(", ", fields);
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MediaType.Value is not { } type)
        {
            return false;
        }
        var isJson = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = mediaType.Charset.Value;
        return isJson && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    private async Task RefuseAuthenticationAsync(HttpContext context, AuthenticationFailure failure, string? detail)
    {
        ProtocolLog.AuthenticationFailed(_logger, failure, detail);
        _metrics?.TurnEnded(null, TurnOutcome.Refused, Stopwatch.GetTimestamp());
        switch (failure)
        {
            case AuthenticationFailure.MetadataUnavailable:
                await ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "The channel's signing keys cannot be fetched right now; try again later.");
                break;
            case AuthenticationFailure.ServiceUrlNotLoopback:
                await ProblemResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, "Without an app id the bot only accepts activities whose serviceUrl is on this machine (localhost, 127.0.0.0/8, [::1]).");
                break;
            default:
                await ProblemResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, "The request's bearer token is missing or not valid for this bot and activity.");
                break;
        }
    }

    private async Task RefuseAsync(HttpContext context, int status, string detail)
    {
        ProtocolLog.RequestRefused(_logger, status, detail);
        _metrics?.TurnEnded(null, TurnOutcome.Refused, Stopwatch.GetTimestamp());
        await ProblemResponse.WriteAsync(context, status, detail);
    }
}
