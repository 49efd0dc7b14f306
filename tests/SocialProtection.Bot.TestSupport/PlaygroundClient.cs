using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// Drives an Agents Playground without a browser: acts as Teams users (messages, card actions, installs,
/// hand-made activities) and watches what the bot sends back on the Playground's WebSocket streams.
/// </summary>
/// <remarks>
/// This is the Playground's internal API (paths starting with <c>_</c>) of the pinned version 0.2.28; every
/// call to it lives in this class. Posting a message is fire-and-forget (the Playground answers before it
/// calls the bot): wait for the outcome with <see cref="WaitForMessageAsync"/> or <see cref="WaitForLogAsync"/>.
/// Connect (<see cref="ConnectAsync"/>) before acting, or frames may go to another client.
/// </remarks>
public sealed class PlaygroundClient : IAsyncDisposable
{
    private const string ConversationStreamPath = "_ws_conversation/v1/conversations/stream";
    private const string LogStreamPath = "_ws/log/stream";

    /// <summary>How long waits take by default: long enough for a cold bot on a busy 2-core CI machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http;
    private readonly FrameJournal<PlaygroundMessage> _messages = new("conversation");
    private readonly FrameJournal<PlaygroundLogEntry> _log = new("log");
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(ClientWebSocket Socket, Task Reader)> _streams = [];
    private PlaygroundTestConfig? _config;
    private bool _connected;
    private bool _disposed;

    /// <summary>A client for the Playground at <paramref name="baseAddress"/> (e.g. <see cref="PlaygroundServer.BaseAddress"/>).</summary>
    public PlaygroundClient(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        BaseAddress = baseAddress;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = baseAddress,
            // Invokes are synchronous and the Playground sets no timeout of its own.
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>The Playground this client talks to.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every message frame received since <see cref="ConnectAsync"/>, in order (taken or not).</summary>
    public IReadOnlyList<PlaygroundMessage> Messages => _messages.Snapshot();

    /// <summary>Every log entry received since <see cref="ConnectAsync"/>, in order (taken or not).</summary>
    public IReadOnlyList<PlaygroundLogEntry> Log => _log.Snapshot();

    /// <summary>Opens the conversation stream and the log stream. Frames the Playground buffered while no client was connected arrive first.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (_connected)
        {
            throw new InvalidOperationException("Already connected.");
        }

        _connected = true;
        await OpenStreamAsync(ConversationStreamPath, frame =>
        {
            if (PlaygroundMessage.FromFrame(frame) is { } message)
            {
                _messages.Add(message);
            }
        }, _messages.Close, cancellationToken);
        await OpenStreamAsync(LogStreamPath, frame =>
        {
            if (PlaygroundLogEntry.FromFrame(frame) is { } entry)
            {
                _log.Add(entry);
            }
        }, _log.Close, cancellationToken);
    }

    /// <summary>The Playground's ids and names (cached after the first call).</summary>
    public async Task<PlaygroundTestConfig> GetTestConfigAsync(CancellationToken cancellationToken = default)
    {
        if (_config is null)
        {
            using var response = await _http.GetAsync(new Uri("_internal/v1/testConfig", UriKind.Relative), cancellationToken);
            var body = await ReadJsonAsync(response, cancellationToken);
            EnsureSuccess(response, body, "GET testConfig");
            _config = PlaygroundTestConfig.Parse(body);
        }

        return _config;
    }

    /// <summary>Installs the bot into a conversation: the bot gets <c>installationUpdate</c> (add) then <c>conversationUpdate</c> (membersAdded).</summary>
    public async Task InstallAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync(
            new Uri($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", UriKind.Relative),
            new JsonObject(),
            cancellationToken);
        EnsureSuccess(response, await ReadJsonAsync(response, cancellationToken), "install");
    }

    /// <summary>
    /// Posts a user's message. In group chats and channels the bot only receives messages that @mention it: set
    /// <paramref name="mentionBot"/> and the text is sent as <c>&lt;at&gt;Bot&lt;/at&gt; {text}</c> with a mention entity.
    /// In a channel, posting to the channel id starts a thread; post to <c>{channel};messageid={root}</c> to reply in one.
    /// </summary>
    /// <remarks>
    /// The Playground's message API always sends as the current user (it only checks that <c>from</c> is a member).
    /// For any other <paramref name="fromUserId"/> this builds the activity Teams would send for that person (from
    /// the Playground's own template for the conversation) and sends it unchanged; the Playground does not store it,
    /// so its id is not a message the bot can reply to as a thread. As in Teams, a group chat or channel message that
    /// does not mention the bot never reaches it.
    /// </remarks>
    public async Task<PlaygroundPostedMessage> SendMessageAsync(
        string conversationId,
        string fromUserId,
        string text,
        bool mentionBot = false,
        CancellationToken cancellationToken = default)
    {
        var config = await GetTestConfigAsync(cancellationToken);
        var mentionText = $"<at>{config.BotName}</at>";
        var fullText = mentionBot ? $"{mentionText} {text}" : text;
        if (!string.Equals(fromUserId, config.CurrentUserId, StringComparison.Ordinal))
        {
            return await SendMessageAsOtherUserAsync(config, conversationId, fromUserId, fullText, mentionBot ? mentionText : null, cancellationToken);
        }

        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = fromUserId },
            ["text"] = fullText,
            ["textFormat"] = "plain",
        };
        if (mentionBot)
        {
            body["mentions"] = new JsonArray(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = config.BotId },
                ["text"] = mentionText,
            });
        }

        using var response = await _http.PostAsJsonAsync(
            new Uri($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", UriKind.Relative),
            body,
            cancellationToken);
        var answer = await ReadJsonAsync(response, cancellationToken);
        EnsureSuccess(response, answer, "send message");
        return new PlaygroundPostedMessage(
            answer.GetScalarText("messageId") ?? "",
            answer.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : null,
            answer.GetStringOrNull("postConversationId"));
    }

    /// <summary>
    /// Presses an <c>Action.Execute</c> button: the bot gets an <c>adaptiveCard/action</c> invoke with
    /// <c>value.action.verb</c> and <c>value.action.data</c> (put input values into <paramref name="data"/>, as Teams does).
    /// Synchronous: returns the bot's invoke response. In a channel, <paramref name="conversationId"/> must be the thread's id.
    /// </summary>
    public Task<PlaygroundInvokeResult> InvokeAdaptiveCardActionAsync(
        string conversationId,
        string fromUserId,
        string replyToId,
        string verb,
        JsonObject? data,
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["from"] = new JsonObject { ["id"] = fromUserId },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = verb,
                    ["data"] = data?.DeepClone() ?? new JsonObject(),
                },
                ["trigger"] = "manual",
            },
        };
        return InvokeAsync(body, cancellationToken);
    }

    /// <summary>
    /// Sends any invoke body (<c>{name, from:{id}, conversation:{id}, replyToId, value}</c>); the Playground passes
    /// <c>value</c> to the bot verbatim. For odd or hostile shapes.
    /// </summary>
    public async Task<PlaygroundInvokeResult> InvokeAsync(JsonObject invoke, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        using var response = await _http.PostAsJsonAsync(new Uri("_conversation/v1/invoke", UriKind.Relative), invoke, cancellationToken);
        var body = await ReadJsonAsync(response, cancellationToken);
        int? botStatus = null;
        if (body.ValueKind == JsonValueKind.Object &&
            body.TryGetProperty("innerHttpError", out var inner) && inner.ValueKind == JsonValueKind.Object &&
            inner.TryGetProperty("statusCode", out var code) && code.ValueKind == JsonValueKind.Number)
        {
            botStatus = code.GetInt32();
        }

        var succeeded = response.StatusCode == HttpStatusCode.OK;
        return new PlaygroundInvokeResult(
            response.StatusCode,
            succeeded ? body.GetStringOrNull("type") : null,
            succeeded && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("value", out var value) ? value.Clone() : null,
            botStatus,
            body);
    }

    /// <summary>Presses an <c>Action.Submit</c> button: the bot gets a <c>message</c> with no text, <c>value</c> = <paramref name="value"/> and <c>replyToId</c>.</summary>
    public async Task SubmitAsync(
        string conversationId,
        string fromUserId,
        string replyToId,
        JsonObject value,
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = fromUserId },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
            ["value"] = value.DeepClone(),
        };
        using var response = await _http.PostAsJsonAsync(new Uri("_conversation/v1/submit", UriKind.Relative), body, cancellationToken);
        EnsureSuccess(response, await ReadJsonAsync(response, cancellationToken), "submit");
    }

    /// <summary>A ready-made activity of the Playground: <c>install</c>, <c>uninstall</c>, <c>userAdded</c>, <c>userRemoved</c>, <c>botAdded</c>, <c>botRemoved</c>, <c>channelCreated</c>, … (team types only for the team).</summary>
    public async Task<JsonObject> GetCustomActivityTemplateAsync(
        string conversationId, string templateType, CancellationToken cancellationToken = default)
    {
        var path = $"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}&type={Uri.EscapeDataString(templateType)}";
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await ReadJsonAsync(response, cancellationToken);
        EnsureSuccess(response, body, $"template {templateType}");
        return JsonNode.Parse(body.GetRawText()) as JsonObject
               ?? throw new InvalidOperationException($"Template {templateType} is not a JSON object: {body.GetRawText()}");
    }

    /// <summary>Sends any activity to the bot unchanged (uninstall, redelivery of the same id, other locales, odd shapes). Fire-and-forget like messages.</summary>
    public async Task SendCustomActivityAsync(JsonObject activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var response = await _http.PostAsJsonAsync(new Uri("_internal/v1/customActivities", UriKind.Relative), activity, cancellationToken);
        EnsureSuccess(response, await ReadJsonAsync(response, cancellationToken), "custom activity");
    }

    /// <summary>
    /// The earliest message frame (new or updated) in <paramref name="conversationId"/> (or a thread of that channel)
    /// that matches <paramref name="predicate"/> and that no earlier wait returned. Frames received before the call count.
    /// </summary>
    /// <exception cref="TimeoutException">None arrived in time; the message lists every frame received.</exception>
    public Task<PlaygroundMessage> WaitForMessageAsync(
        string conversationId,
        Func<PlaygroundMessage, bool> predicate,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        EnsureConnected();
        ArgumentNullException.ThrowIfNull(predicate);
        return _messages.TakeAsync(
            m => m.IsIn(conversationId) && predicate(m),
            timeout ?? DefaultTimeout,
            $"matching message in {conversationId}",
            cancellationToken);
    }

    /// <summary>The earliest new message (not an update) in the conversation that no earlier wait returned.</summary>
    public Task<PlaygroundMessage> WaitForMessageAsync(
        string conversationId, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForMessageAsync(conversationId, m => m.Action == PlaygroundMessageAction.Created, timeout, cancellationToken);

    /// <summary>Fails if a matching message frame (not already returned by a wait) is or gets received within <paramref name="period"/>.</summary>
    public Task ExpectNoMessageAsync(
        string conversationId,
        Func<PlaygroundMessage, bool> predicate,
        TimeSpan period,
        CancellationToken cancellationToken = default)
    {
        EnsureConnected();
        ArgumentNullException.ThrowIfNull(predicate);
        return _messages.ExpectNoneAsync(
            m => m.IsIn(conversationId) && predicate(m), period, $"matching message in {conversationId}", cancellationToken);
    }

    /// <summary>The earliest log entry matching <paramref name="predicate"/> that no earlier wait returned, e.g. the bot's status for a message.</summary>
    /// <exception cref="TimeoutException">None arrived in time; the message lists every entry received.</exception>
    public Task<PlaygroundLogEntry> WaitForLogAsync(
        Func<PlaygroundLogEntry, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        EnsureConnected();
        ArgumentNullException.ThrowIfNull(predicate);
        return _log.TakeAsync(predicate, timeout ?? DefaultTimeout, "matching log entry", cancellationToken);
    }

    /// <summary>Closes the streams and the HTTP client.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        foreach (var (socket, reader) in _streams)
        {
            try
            {
                await reader;
            }
            catch (OperationCanceledException)
            {
                // Stopped on purpose.
            }

            socket.Dispose();
        }

        _streams.Clear();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task<PlaygroundPostedMessage> SendMessageAsOtherUserAsync(
        PlaygroundTestConfig config,
        string conversationId,
        string fromUserId,
        string text,
        string? mentionText,
        CancellationToken cancellationToken)
    {
        var user = config.Raw.GetProperty("config").GetProperty("users").EnumerateArray()
            .FirstOrDefault(u => u.GetStringOrNull("id") == fromUserId);
        if (user.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"{fromUserId} is not a user of this Playground.", nameof(fromUserId));
        }

        // The install template carries the Playground's own serviceUrl, conversation, recipient and channelData for this conversation.
        var activity = await GetCustomActivityTemplateAsync(conversationId, "install", cancellationToken);
        var now = DateTimeOffset.UtcNow;
        activity["type"] = "message";
        activity["id"] = Guid.NewGuid().ToString();
        activity["timestamp"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        activity["localTimestamp"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        activity.Remove("action");
        activity["from"] = new JsonObject
        {
            ["id"] = fromUserId,
            ["name"] = user.GetStringOrNull("name"),
            ["aadObjectId"] = user.GetStringOrNull("aadObjectId"),
        };
        var posted = new PlaygroundPostedMessage((string)activity["id"]!, now, PostConversationId: null);
        if (mentionText is null && (string?)activity["conversation"]?["conversationType"] is "groupChat" or "channel")
        {
            // Teams (and the Playground, for the current user) never delivers these to a bot.
            return posted;
        }

        activity["text"] = text;
        activity["textFormat"] = "plain";
        var entities = new JsonArray();
        if (mentionText is not null)
        {
            entities.Add(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = config.BotId, ["name"] = config.BotName },
                ["text"] = mentionText,
            });
        }

        entities.Add(new JsonObject { ["type"] = "clientInfo", ["locale"] = config.Locale ?? "en-US", ["platform"] = "Web" });
        activity["entities"] = entities;
        if (activity["channelData"] is JsonObject channelData)
        {
            channelData.Remove("settings");
            if (channelData["team"]?["id"] is { } teamId && channelData["channel"]?["id"] is { } channelId)
            {
                channelData["teamsTeamId"] = teamId.DeepClone();
                channelData["teamsChannelId"] = channelId.DeepClone();
            }
        }

        await SendCustomActivityAsync(activity, cancellationToken);
        return posted;
    }

    private async Task OpenStreamAsync(
        string path, Action<JsonElement> onFrame, Action<string> onClosed, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.Proxy = null;
        var uri = new UriBuilder(new Uri(BaseAddress, path)) { Scheme = "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _streams.Add((socket, Task.Run(() => ReadFramesAsync(socket, onFrame, onClosed, _stop.Token), CancellationToken.None)));
    }

    private static async Task ReadFramesAsync(
        ClientWebSocket socket, Action<JsonElement> onFrame, Action<string> onClosed, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    onClosed($"closed by the Playground: {result.CloseStatus} {result.CloseStatusDescription}");
                    return;
                }

                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (result.MessageType == WebSocketMessageType.Text && TryParse(frame.ToArray()) is { } parsed)
                {
                    onFrame(parsed);
                }

                frame.SetLength(0);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            onClosed("client disposed");
        }
        catch (WebSocketException e)
        {
            onClosed("connection lost: " + e.Message);
        }
    }

    private static JsonElement? TryParse(byte[] utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not one of the JSON frames we understand; the Playground's log file has it anyway.
            return null;
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            using var document = JsonDocument.Parse(JsonSerializer.Serialize(text));
            return document.RootElement.Clone();
        }
    }

    private static void EnsureSuccess(HttpResponseMessage response, JsonElement body, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = body.ValueKind == JsonValueKind.Undefined ? "(empty)" : body.GetRawText();
            throw new HttpRequestException(
                $"Playground {what} failed: {(int)response.StatusCode} {response.StatusCode}: {text}",
                inner: null,
                response.StatusCode);
        }
    }

    private void EnsureConnected()
    {
        if (!_connected)
        {
            throw new InvalidOperationException("Call ConnectAsync before waiting for frames (and before acting, so no frame is missed).");
        }
    }
}
