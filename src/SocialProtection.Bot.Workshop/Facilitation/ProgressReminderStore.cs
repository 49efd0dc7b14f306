using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>Keeps each workshop's <see cref="ProgressReminderLog"/>, changed only with conditional writes.</summary>
internal sealed class ProgressReminderStore(IObjectStore objectStore)
{
    private readonly JsonObjectStore _store = new(objectStore, StoredJson.StoreOptions());

    /// <summary><c>workshops/{workshopId}/progress-reminders.json</c>.</summary>
    public static string Key(string workshopId) =>
        StorageKey.Combine("workshops", StorageKey.Segment(workshopId), "progress-reminders.json");

    /// <summary>
    /// Records the press <paramref name="activityId"/> once: when it is already recorded (Teams redelivered it), its
    /// stored numbers come back with nobody to remind; otherwise the decided press and who to remind, after the write.
    /// </summary>
    public async Task<(ProgressReminderPress Press, IReadOnlyList<string> Remind)> RecordAsync(
        string workshopId, string activityId, IReadOnlyCollection<string> reachable, int unreachable, DateTimeOffset now, TimeSpan interval,
        CancellationToken cancellationToken)
    {
        ProgressReminderPress? press = null;
        IReadOnlyList<string> remind = [];
        var result = await _store.UpdateAsync<ProgressReminderLog>(Key(workshopId), current =>
        {
            var log = current ?? new ProgressReminderLog();
            if (log.Find(activityId) is { } earlier)
            {
                (press, remind) = (earlier, []);
                return UpdateDecision.NoChange<ProgressReminderLog>();
            }
            var applied = log.Apply(activityId, reachable, unreachable, now, interval);
            (press, remind) = (applied.Press, applied.Remind);
            return UpdateDecision.Write(applied.Log);
        }, cancellationToken);
        return (press!, result.Changed ? remind : []);
    }
}
