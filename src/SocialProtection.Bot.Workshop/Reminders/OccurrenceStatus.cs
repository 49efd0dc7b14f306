using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>A queued reminder's state. Pending → Sending (claimed by one instance) → Sent, Failed or Cancelled.</summary>
internal enum OccurrenceStatus
{
    Pending,

    /// <summary>Claimed by <see cref="ReminderOccurrence.ClaimedBy"/> until <see cref="ReminderOccurrence.ClaimExpiresAt"/>.</summary>
    Sending,

    Sent,

    /// <summary>Every try failed or the failure cannot be retried; <see cref="ReminderOccurrence.LastError"/> says why.</summary>
    Failed,

    /// <summary>Not sent because it was no longer wanted (done, opted out, workshop closed, plan changed).</summary>
    Cancelled,
}
