using System.Globalization;
using System.Text.Json;

namespace SocialProtection.Bot.TestSupport;

/// <summary>Whether a frame of the Playground's conversation stream shows a new message or an edit of one.</summary>
public enum PlaygroundMessageAction
{
    /// <summary><c>createMessage</c>: the bot posted a message.</summary>
    Created,

    /// <summary><c>updateMessage</c>: the bot replaced a message (a card update through PUT, or an invoke's card).</summary>
    Updated,
}

/// <summary>A message the bot sent (or edited) as the Playground received it, from the conversation WebSocket stream.</summary>
/// <param name="ConversationId">The conversation it appeared in; for a channel thread <c>{channel};messageid={root}</c>.</param>
/// <param name="MessageId">The id the Playground gave the message; the <c>replyToId</c> of invokes and submits on its card.</param>
/// <param name="Raw">The whole <c>message</c> object of the frame.</param>
public sealed record PlaygroundMessage(
    PlaygroundMessageAction Action,
    string ConversationId,
    string MessageId,
    DateTimeOffset? Timestamp,
    string? FromId,
    string? Text,
    string? TextFormat,
    IReadOnlyList<PlaygroundAttachment> Attachments,
    string? AttachmentLayout,
    JsonElement Raw)
{
    /// <summary>The first Adaptive Card in the message, if any.</summary>
    public JsonElement? AdaptiveCard => Attachments.FirstOrDefault(a => a.IsAdaptiveCard)?.Content;

    /// <summary>Every Adaptive Card in the message.</summary>
    public IEnumerable<JsonElement> AdaptiveCards => Attachments.Where(a => a.IsAdaptiveCard).Select(a => a.Content);

    /// <summary>True when the message was posted in <paramref name="conversationId"/>, or in a thread of that channel.</summary>
    public bool IsIn(string conversationId) =>
        string.Equals(ConversationId, conversationId, StringComparison.Ordinal) ||
        ConversationId.StartsWith(conversationId + ";messageid=", StringComparison.Ordinal);

    /// <summary>A one-line description for failure messages.</summary>
    public override string ToString()
    {
        var text = Text is null ? "" : $" text=\"{Shorten(Text)}\"";
        var attachments = Attachments.Count == 0 ? "" : " attachments=[" + string.Join(", ", Attachments.Select(a => a.ContentType)) + "]";
        return $"{Action} {MessageId} in {ConversationId}{text}{attachments}";
    }

    internal static PlaygroundMessage? FromFrame(JsonElement frame)
    {
        var action = frame.GetStringOrNull("action") switch
        {
            "createMessage" => PlaygroundMessageAction.Created,
            "updateMessage" => PlaygroundMessageAction.Updated,
            _ => (PlaygroundMessageAction?)null,
        };
        if (action is null || !frame.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var attachments = new List<PlaygroundAttachment>();
        if (message.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in list.EnumerateArray())
            {
                attachments.Add(new PlaygroundAttachment(
                    attachment.GetStringOrNull("contentType") ?? "",
                    attachment.TryGetProperty("content", out var content) ? content.Clone() : default));
            }
        }

        return new PlaygroundMessage(
            action.Value,
            frame.GetStringOrNull("actionConversationId") ?? message.GetStringOrNull("conversationId") ?? "",
            message.GetScalarText("messageId") ?? "",
            ParseTimestamp(message),
            message.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object ? from.GetStringOrNull("id") : null,
            message.GetStringOrNull("text"),
            message.GetStringOrNull("textFormat"),
            attachments,
            message.GetStringOrNull("attachmentLayout"),
            message.Clone());
    }

    private static DateTimeOffset? ParseTimestamp(JsonElement message)
    {
        if (!message.TryGetProperty("timestamp", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var milliseconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds))
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return parsed;
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
