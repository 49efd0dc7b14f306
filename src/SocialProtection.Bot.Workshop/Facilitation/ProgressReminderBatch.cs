using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>The reminders one press decided to send: the workshop's title and each person's personal chat.</summary>
internal sealed record ProgressReminderBatch(string WorkshopId, string WorkshopTitle, IReadOnlyList<ConversationReference> Chats);
