using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// How to reach a user in their personal chat with the bot (for reminders), stored once per user at
/// <c>users/{userKey}/personal-conversation.json</c>, and whether that conversation was already welcomed.
/// </summary>
internal sealed record PersonalConversationRecord
{
    public required ConversationReference Reference { get; init; }

    /// <summary>Identifies <see cref="Reference"/>'s conversation, service URL, bot and tenant; changes when any of them does.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The personal conversation the welcome message was sent to (welcome once per conversation).</summary>
    public string? WelcomedConversationId { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
