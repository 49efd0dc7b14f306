namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// What a plan will do from now on, as the planner will queue it: the next reminder (when it goes out, to whom, about
/// what) and how many partners get at least one reminder. Reminders already finished are not counted; one whose moment
/// passed within <see cref="ReminderSchedulerOptions.MaxLateness"/> counts as going out at the next allowed time.
/// </summary>
internal sealed record FollowUpForecast(int PartnersReached, DateTimeOffset? NextSendAt, PartnerFollowUp? NextPartner, PlannedReminder? NextReminder)
{
    public static FollowUpForecast None { get; } = new(0, null, null, null);

    /// <summary>How far ahead reminders are counted: a plan's rules reach at most two years past the workshop.</summary>
    private static readonly TimeSpan Reach = TimeSpan.FromDays(FollowUpOffset.MaxDays + 62);

    public static FollowUpForecast Of(FollowUpPlan? plan, IReadOnlyList<PartnerFollowUp> partners, ReminderScheduleCalculator calculator, TimeSpan maxLateness)
    {
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(calculator);
        if (plan is null || plan.IsClosed)
        {
            return None;
        }

        var now = calculator.Time.GetUtcNow().ToUniversalTime();
        var reached = 0;
        (DateTimeOffset At, PartnerFollowUp Partner, PlannedReminder Reminder)? next = null;
        foreach (var partner in partners)
        {
            if (partner.OptedOut)
            {
                continue;
            }

            var any = false;
            foreach (var reminder in ReminderCatchUp.Collapse(calculator.Plan(plan, partner, now - maxLateness, now + Reach), now))
            {
                if (reminder.Kind == ReminderKind.Snooze
                    || partner.HasFinished(ReminderKeys.OccurrenceId(plan.WorkshopId, partner.UserKey, reminder.CommitmentId, reminder.RuleKey)))
                {
                    continue;
                }

                var at = reminder.DueAt >= now ? reminder.DueAt : calculator.NextAllowed(now, partner) ?? reminder.DueAt;
                any = true;
                if (next is null || at < next.Value.At)
                {
                    next = (at, partner, reminder);
                }
            }

            if (any)
            {
                reached++;
            }
        }

        return next is { } n ? new FollowUpForecast(reached, n.At, n.Partner, n.Reminder) : new FollowUpForecast(reached, null, null, null);
    }
}
