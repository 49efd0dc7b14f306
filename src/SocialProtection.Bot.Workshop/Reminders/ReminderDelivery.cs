using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>The fate of the latest reminder about a commitment, for the facilitator's view.</summary>
/// <param name="Reason">Why it failed (a short code such as "AppNotInstalled"), null when sent.</param>
internal sealed record ReminderDelivery(string OccurrenceId, DateTimeOffset At, DeliveryOutcome Outcome, string? Reason);
