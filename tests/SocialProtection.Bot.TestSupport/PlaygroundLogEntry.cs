using System.Text.Json;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// One HTTP exchange between the Playground and the bot, in either direction, from the log WebSocket stream:
/// the way to see what status the bot answered (a failed message turn is invisible anywhere else).
/// </summary>
/// <param name="From">Who sent the request: <see cref="PlaygroundName"/> or <see cref="BotName"/>.</param>
/// <param name="ActivityName">The activity type or invoke name, e.g. <c>message</c>, <c>invoke</c>.</param>
/// <param name="StatusCode">The HTTP status of the response, when it has one.</param>
/// <param name="Raw">The whole <c>log</c> object of the frame.</param>
public sealed record PlaygroundLogEntry(
    string? From,
    string? To,
    string? ActivityName,
    string? ConversationId,
    int? StatusCode,
    JsonElement? RequestBody,
    JsonElement? ResponseBody,
    JsonElement Raw)
{
    /// <summary>How the Playground names itself in its log.</summary>
    public const string PlaygroundName = "Microsoft 365 Agents Playground";

    /// <summary>How the Playground names the bot in its log.</summary>
    public const string BotName = "User Application";

    /// <summary>The Playground called the bot (an inbound activity); <see cref="StatusCode"/> is the bot's answer.</summary>
    public bool IsSentToBot => string.Equals(To, BotName, StringComparison.Ordinal);

    /// <summary>The bot called the Playground's connector; <see cref="StatusCode"/> is the connector's answer.</summary>
    public bool IsSentByBot => string.Equals(From, BotName, StringComparison.Ordinal);

    /// <summary>The <c>type</c> of the activity in the request body, if it has one.</summary>
    public string? RequestActivityType =>
        RequestBody is { ValueKind: JsonValueKind.Object } body ? body.GetStringOrNull("type") : null;

    /// <summary>The <c>text</c> of the activity in the request body, if it has one.</summary>
    public string? RequestText =>
        RequestBody is { ValueKind: JsonValueKind.Object } body ? body.GetStringOrNull("text") : null;

    /// <summary>The <c>id</c> of the activity in the request body, if it has one.</summary>
    public string? RequestActivityId =>
        RequestBody is { ValueKind: JsonValueKind.Object } body ? body.GetStringOrNull("id") : null;

    /// <summary>A one-line description for failure messages.</summary>
    public override string ToString() =>
        $"{From} -> {To}: {ActivityName} in {ConversationId} -> {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no status"}";

    internal static PlaygroundLogEntry? FromFrame(JsonElement frame)
    {
        if (frame.GetStringOrNull("logAction") != "appendLog" ||
            !frame.TryGetProperty("log", out var log) || log.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? requestBody = log.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object &&
                                   request.TryGetProperty("body", out var rb) ? rb.Clone() : null;
        int? status = null;
        JsonElement? responseBody = null;
        if (log.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object)
        {
            if (response.TryGetProperty("statusCode", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var parsed))
            {
                status = parsed;
            }

            if (response.TryGetProperty("body", out var body))
            {
                responseBody = body.Clone();
            }
        }

        return new PlaygroundLogEntry(
            log.GetStringOrNull("from"),
            log.GetStringOrNull("to"),
            log.GetStringOrNull("activityName"),
            log.GetStringOrNull("conversationId"),
            status,
            requestBody,
            responseBody,
            log.Clone());
    }
}
