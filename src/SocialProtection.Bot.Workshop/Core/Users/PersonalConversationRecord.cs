using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Workshop.Core.Users;

/// <summary>
/// How to reach a user in their personal chat with the bot (for reminders), kept in their <see cref="UserProfile"/>,
/// and whether that conversation was already welcomed.
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
