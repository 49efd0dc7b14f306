namespace SocialProtection.Bot.Protocol.Schema;

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string Typing = "typing";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string MessageReaction = "messageReaction";
    public const string EndOfConversation = "endOfConversation";

    private static readonly HashSet<string> Handled = new(StringComparer.OrdinalIgnoreCase)
    {
        Message, ConversationUpdate, InstallationUpdate, Invoke, Event, Typing,
        MessageUpdate, MessageDelete, MessageReaction, EndOfConversation,
    };

    /// <summary>
    /// True for the types a channel sends a bot and the bot turns into a turn. Any other type (a future
    /// one, or one meant for other channels) is accepted and ignored, as the Bot Framework asks.
    /// </summary>
    public static bool IsHandled(string? type) => type is not null && Handled.Contains(type);
}
