namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Reminders whose moment already passed when they are first planned (a plan saved after its first dates, a partner
/// who committed late, a planner that was down) go out late, within MaxLateness; but of those, only the newest per
/// commitment: one late reminder, not a burst of every date that was missed. Snoozes are the partner's own and stay.
/// </summary>
internal static class ReminderCatchUp
{
    public static IReadOnlyList<PlannedReminder> Collapse(IReadOnlyList<PlannedReminder> planned, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var newestMissed = planned
            .Where(p => p.Nominal <= now && p.Kind != ReminderKind.Snooze)
            .GroupBy(p => p.CommitmentId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(p => p.Nominal)!)
            .ToHashSet();
        return [.. planned.Where(p => p.Nominal > now || p.Kind == ReminderKind.Snooze || newestMissed.Contains(p))];
    }
}
