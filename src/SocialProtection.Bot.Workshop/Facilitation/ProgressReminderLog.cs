using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Who was last reminded to finish, and when, in one workshop, and the recent presses that did it, stored at
/// <c>workshops/{workshopId}/progress-reminders.json</c> (<see cref="ProgressReminderStore"/>). People are kept as a
/// hash of workshop and user key, not the key itself. Pure: <see cref="Apply"/> decides a press.
/// </summary>
internal sealed record ProgressReminderLog
{
    /// <summary>How many recent presses are kept to recognise a redelivered one.</summary>
    public const int PressesKept = 50;

    public int SchemaVersion { get; init; } = 1;

    /// <summary>Per person (<see cref="PersonId"/>), when they were last reminded.</summary>
    public ImmutableSortedDictionary<string, DateTimeOffset> LastReminded { get; init; } = ImmutableSortedDictionary<string, DateTimeOffset>.Empty;

    /// <summary>The newest presses, newest last.</summary>
    public ImmutableList<ProgressReminderPress> Presses { get; init; } = [];

    public ProgressReminderPress? Find(string activityId) => Presses.Find(p => p.ActivityId == activityId);

    /// <summary>
    /// Decides the press <paramref name="activityId"/>: each of <paramref name="reachable"/> (person ids) is reminded
    /// unless they were reminded within <paramref name="interval"/> before <paramref name="now"/>. Returns the new log,
    /// the press, and who to send to.
    /// </summary>
    public (ProgressReminderLog Log, ProgressReminderPress Press, IReadOnlyList<string> Remind) Apply(
        string activityId, IReadOnlyCollection<string> reachable, int unreachable, DateTimeOffset now, TimeSpan interval)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(reachable);
        var remind = reachable.Distinct(StringComparer.Ordinal)
            .Where(id => !LastReminded.TryGetValue(id, out var last) || last <= now - interval)
            .ToList();
        var press = new ProgressReminderPress(activityId, remind.Count, reachable.Distinct(StringComparer.Ordinal).Count() - remind.Count, unreachable, now);
        // People not reminded within the interval no longer matter: the log stays as small as the workshop.
        var kept = LastReminded.Where(e => e.Value > now - interval).Concat(remind.Select(id => KeyValuePair.Create(id, now)));
        var presses = Presses.Add(press);
        return (this with
        {
            LastReminded = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, kept.GroupBy(e => e.Key).Select(g => g.Last())),
            Presses = presses.Count > PressesKept ? presses.RemoveRange(0, presses.Count - PressesKept) : presses,
        }, press, remind);
    }

    /// <summary>A person's id in the log: a hash of the workshop and their user key.</summary>
    public static string PersonId(string workshopId, string userKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workshopId + "\n" + userKey)))[..32];
}
