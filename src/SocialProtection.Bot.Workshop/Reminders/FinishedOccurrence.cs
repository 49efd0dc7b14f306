using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>A reminder that reached its end (sent, failed or cancelled); kept so it is never planned again.</summary>
internal sealed record FinishedOccurrence(string OccurrenceId, DateTimeOffset DueAt);
