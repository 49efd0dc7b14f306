using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Where a commitment stands from the facilitator's side, most urgent first.</summary>
internal enum FollowUpState
{
    NeedsHelp,

    /// <summary>The latest reminder could not be delivered (e.g. the app was uninstalled) and nothing was heard since.</summary>
    NotDelivered,

    Overdue,

    /// <summary>Reminded, and nothing reported since.</summary>
    NoAnswer,

    InProgress,
    NotStarted,
    Done,
}

internal static class FollowUpStates
{
    public static FollowUpState Of(FollowUpCommitment commitment, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (commitment.Status == CommitmentStatus.Done)
        {
            return FollowUpState.Done;
        }

        if (commitment.Status == CommitmentStatus.NeedHelp)
        {
            return FollowUpState.NeedsHelp;
        }

        var silentSinceReminder = commitment.LastReminder is { } last && (commitment.StatusChangedAt is null || commitment.StatusChangedAt < last.At);
        if (silentSinceReminder && commitment.LastReminder!.Outcome == DeliveryOutcome.Failed)
        {
            return FollowUpState.NotDelivered;
        }

        if (commitment.DueDate < today)
        {
            return FollowUpState.Overdue;
        }

        if (silentSinceReminder)
        {
            return FollowUpState.NoAnswer;
        }

        return commitment.Status == CommitmentStatus.InProgress ? FollowUpState.InProgress : FollowUpState.NotStarted;
    }

    public static string TextKey(this FollowUpState state) => state switch
    {
        FollowUpState.NeedsHelp => "follow.needHelp",
        FollowUpState.NotDelivered => "follow.notDelivered",
        FollowUpState.Overdue => "follow.overdue",
        FollowUpState.NoAnswer => "follow.noAnswer",
        FollowUpState.InProgress => "follow.inProgress",
        FollowUpState.Done => "follow.done",
        _ => "follow.notStarted",
    };
}
