using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Decides, at the moment of sending, whether a queued reminder is still wanted: nothing goes out for a closed
/// workshop, a done or removed commitment, an opted-out partner, a rule the plan no longer has, or a reminder a
/// snooze replaced; and nothing goes out outside the allowed hours (it waits instead). Pure.
/// </summary>
internal static class ReminderEligibility
{
    public static SendDecision Decide(
        ReminderOccurrence occurrence,
        FollowUpPlan? plan,
        PartnerFollowUp? partner,
        ReminderScheduleCalculator calculator,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        ArgumentNullException.ThrowIfNull(calculator);
        if (plan is null)
        {
            return new SendDecision.Cancel(CancelReasons.NoPlan);
        }

        if (plan.IsClosed)
        {
            return new SendDecision.Cancel(CancelReasons.WorkshopClosed);
        }

        if (partner is null)
        {
            return new SendDecision.Cancel(CancelReasons.PartnerUnknown);
        }

        if (partner.HasFinished(occurrence.OccurrenceId))
        {
            return new SendDecision.Cancel(CancelReasons.AlreadyFinished);
        }

        if (occurrence.Kind == ReminderKind.HelpRequest)
        {
            // A call for help goes to the facilitator at once, whatever the partner's own reminder settings.
            return SendDecision.Now;
        }

        if (partner.OptedOut)
        {
            return new SendDecision.Cancel(CancelReasons.OptedOut);
        }

        if (partner.Find(occurrence.CommitmentId) is not { } commitment)
        {
            return new SendDecision.Cancel(CancelReasons.CommitmentRemoved);
        }

        if (commitment.Status == CommitmentStatus.Done)
        {
            return new SendDecision.Cancel(CancelReasons.CommitmentDone);
        }

        if (!calculator.IsStillPlanned(plan, commitment, occurrence.RuleKey, occurrence.Nominal))
        {
            return new SendDecision.Cancel(CancelReasons.NoLongerPlanned);
        }

        if (occurrence.Kind != ReminderKind.Snooze && commitment.SnoozedUntil is { } snoozedUntil && snoozedUntil > now)
        {
            return new SendDecision.Cancel(CancelReasons.Snoozed);
        }

        if (calculator.NextAllowed(now, partner) is not { } allowed)
        {
            return new SendDecision.Cancel(CancelReasons.NoAllowedTime);
        }

        return allowed > now ? new SendDecision.Postpone(allowed) : SendDecision.Now;
    }
}
