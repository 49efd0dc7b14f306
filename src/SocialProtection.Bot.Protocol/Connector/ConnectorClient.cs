using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SocialProtection.Bot.Protocol.Diagnostics;
using SocialProtection.Bot.Protocol.Hosting;
using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST client over <see cref="IHttpClientFactory"/> (named client <see cref="HttpClientName"/>,
/// with the <see cref="ConnectorResilience"/> pipeline). Ids are escaped into the path; the bearer token is attached
/// only to the service URL being called; without an app id only loopback service URLs are called.
/// </summary>
public sealed partial class ConnectorClient : IConnectorClient
{
    public const string HttpClientName = "SocialProtection.Bot.Connector";
    private const int MaxErrorBodyBytes = 16 * 1024;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IConnectorTokenProvider _tokens;
    private readonly BotProtocolOptions _options;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly ProtocolMetrics? _metrics;

    public ConnectorClient(
        IHttpClientFactory httpClientFactory, IConnectorTokenProvider tokens, IOptions<BotProtocolOptions> options, ILogger<ConnectorClient> logger,
        ProtocolMetrics? metrics = null)
    {
        _metrics = metrics;
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _options = options.Value;
        _logger = logger;
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendForResourceAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendForResourceAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendForResourceAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        await SendAsync<ResourceResponse>(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", null, cancellationToken);

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        await SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken)
        ?? throw new ConnectorException("The connector created a conversation but returned no id.", HttpStatusCode.Accepted, "InvalidResponse");

    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(pageSize));
            query.Add($"pageSize={size}");
        }
        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        }
        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return await SendAsync<PagedMembersResult>(HttpMethod.Get, serviceUrl, path, null, cancellationToken)
            ?? new PagedMembersResult();
    }

    public async Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        await SendAsync<TeamsChannelAccount>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, cancellationToken)
        ?? throw new ConnectorException("The connector returned no member.", HttpStatusCode.OK, "InvalidResponse");

    private async Task<ResourceResponse> SendForResourceAsync(HttpMethod method, string serviceUrl, string path, Activity activity, CancellationToken cancellationToken) =>
        await SendAsync<ResourceResponse>(method, serviceUrl, path, activity, cancellationToken) ?? new ResourceResponse(null);

    private async Task<T?> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, CancellationToken cancellationToken)
        where T : class
    {
        if (_metrics is null)
        {
            return await CallAsync<T>(method, serviceUrl, path, body, cancellationToken);
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var result = await CallAsync<T>(method, serviceUrl, path, body, cancellationToken);
            succeeded = true;
            return result;
        }
        finally
        {
            _metrics.ConnectorCall(MetricOperation(method, path), succeeded, started);
        }
    }

    // A fixed word per kind of call, for the metric's tag.
    private static string MetricOperation(HttpMethod method, string path) => (method.Method, path.Split('?')[0].Split('/').Length) switch
    {
        ("POST", 2) => "create_conversation",
        ("POST", 4) => "send",
        ("POST", 5) => "reply",
        ("PUT", _) => "update",
        ("DELETE", _) => "delete",
        ("GET", _) => "members",
        _ => "other",
    };

    private async Task<T?> CallAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, CancellationToken cancellationToken)
        where T : class
    {
        var baseUri = CheckServiceUrl(serviceUrl);
        var uri = ServiceUrl.Combine(baseUri, path);
        var token = await _tokens.GetTokenAsync(cancellationToken);

        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ProtocolJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        var operation = OperationName(method, path);
        HttpResponseMessage response;
        try
        {
            response = await _httpClientFactory.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TimeoutRejectedException exception)
        {
            LogCallFailed(operation, 0, ConnectorException.Timeout);
            throw new ConnectorException("The Bot Connector did not answer in time.", null, ConnectorException.Timeout, null, exception);
        }
        catch (HttpRequestException exception)
        {
            LogCallFailed(operation, 0, ConnectorException.Unreachable);
            throw new ConnectorException("The Bot Connector could not be reached.", null, ConnectorException.Unreachable, null, exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    _tokens.Invalidate();
                }
                var errorCode = await ReadErrorCodeAsync(response, cancellationToken);
                LogCallFailed(operation, (int)response.StatusCode, errorCode);
                throw new ConnectorException(
                    $"The Bot Connector answered {(int)response.StatusCode} to {operation}.",
                    response.StatusCode,
                    errorCode,
                    ConnectorResilience.RetryAfter(response));
            }

            LogCallSucceeded(operation, (int)response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (bytes.Length == 0)
            {
                return null;
            }
            try
            {
                return JsonSerializer.Deserialize<T>(bytes, ProtocolJson.Options);
            }
            catch (JsonException exception)
            {
                throw new ConnectorException($"The Bot Connector's answer to {operation} is not valid JSON.", response.StatusCode, "InvalidResponse", null, exception);
            }
        }
    }

    private Uri CheckServiceUrl(string serviceUrl)
    {
        if (!ServiceUrl.TryParse(serviceUrl, out var uri))
        {
            throw new ConnectorException("The service URL is not an absolute http(s) address.", null, ConnectorException.ServiceUrlRefused);
        }
        var loopback = ServiceUrl.IsLoopback(uri);
        if (!_options.IsAuthenticationEnabled && !loopback)
        {
            // Without an app id nobody authenticated the caller that named this URL: never reach beyond this machine.
            throw new ConnectorException("Without an app id only loopback service URLs are called.", null, ConnectorException.ServiceUrlRefused);
        }
        if (_options.IsAuthenticationEnabled && !loopback && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ConnectorException("The bot's token is only sent over https.", null, ConnectorException.ServiceUrlRefused);
        }
        return uri;
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > MaxErrorBodyBytes)
        {
            return null;
        }
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (bytes.Length is 0 or > MaxErrorBodyBytes)
            {
                return null;
            }
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                    ? code.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null; // e.g. an HTML error page
        }
    }

    private static string Escape(string id) => ConnectorPathId.Escape(id);

    // A log-safe name for the call: the method and the path's fixed words, never the ids in it.
    private static string OperationName(HttpMethod method, string path)
    {
        var segments = path.Split('?')[0].Split('/');
        return method.Method + " " + string.Join('/', segments.Select((segment, index) => index >= 2 && index % 2 == 0 ? "{id}" : segment));
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Connector call {Operation} answered {Status}")]
    private partial void LogCallSucceeded(string operation, int status);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Connector call {Operation} failed with status {Status} ({ErrorCode})")]
    private partial void LogCallFailed(string operation, int status, string? errorCode);
}
