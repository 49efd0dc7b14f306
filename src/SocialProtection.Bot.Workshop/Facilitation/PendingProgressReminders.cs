namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// One press's reminders waiting for the instance holding the sending lease, stored at
/// <c>progress-reminders/pending/{id}.json</c> (<see cref="ProgressReminderJobStore"/>); <see cref="Next"/> is how far
/// the sends got, so a holder that stops part-way is followed by one that goes on from there.
/// </summary>
internal sealed record PendingProgressReminders(string Id, ProgressReminderBatch Batch, int Next, DateTimeOffset CreatedAt);
