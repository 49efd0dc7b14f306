namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// One press of "Remind those who have not finished", as stored: the activity id that made it (so a redelivery is
/// answered with the same numbers and sends nothing), how many were reminded, skipped (reminded recently) and could not
/// be reached (no personal chat with the bot yet).
/// </summary>
internal sealed record ProgressReminderPress(string ActivityId, int Reminded, int Skipped, int Unreachable, DateTimeOffset At);
