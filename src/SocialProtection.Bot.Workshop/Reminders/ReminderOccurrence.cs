using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// One reminder in the durable queue (<c>reminders/due/{hour}/{id}.json</c>). Every change is a conditional write over
/// the version read, so only one bot instance can claim it and only the claimant can finish it.
/// </summary>
internal sealed record ReminderOccurrence
{
    public required string OccurrenceId { get; init; }

    public required string WorkshopId { get; init; }

    public required string UserKey { get; init; }

    public required string CommitmentId { get; init; }

    public required ReminderKind Kind { get; init; }

    /// <summary>The plan rule and date it comes from (see <see cref="PlannedReminder.RuleKey"/>).</summary>
    public required string RuleKey { get; init; }

    /// <summary>When the rule said; the queue bucket is this instant's hour.</summary>
    public required DateTimeOffset Nominal { get; init; }

    /// <summary>When it may go out: in working hours, outside the partner's quiet hours.</summary>
    public required DateTimeOffset DueAt { get; init; }

    public OccurrenceStatus Status { get; init; } = OccurrenceStatus.Pending;

    /// <summary>Send attempts so far (each claim counts one).</summary>
    public int Attempts { get; init; }

    /// <summary>Not tried again before this instant (backoff after a failure, or postponed out of quiet hours).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The instance that holds the claim.</summary>
    public string? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimExpiresAt { get; init; }

    /// <summary>A short reason code for the last failure (never user text, never an id).</summary>
    public string? LastError { get; init; }

    /// <summary>For a help request: the partner's note to the facilitator (user text).</summary>
    public string? Note { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The sent message's id in the partner's chat.</summary>
    public string? ActivityId { get; init; }

    public bool IsFinished => Status is OccurrenceStatus.Sent or OccurrenceStatus.Failed or OccurrenceStatus.Cancelled;

    /// <summary>The key it is stored under.</summary>
    public string Key => ReminderKeys.Due(Nominal, OccurrenceId);

    public static ReminderOccurrence From(string workshopId, string userKey, PlannedReminder planned, DateTimeOffset now) => new()
    {
        OccurrenceId = ReminderKeys.OccurrenceId(workshopId, userKey, planned.CommitmentId, planned.RuleKey),
        WorkshopId = workshopId,
        UserKey = userKey,
        CommitmentId = planned.CommitmentId,
        Kind = planned.Kind,
        RuleKey = planned.RuleKey,
        Nominal = planned.Nominal,
        DueAt = planned.DueAt,
        CreatedAt = now,
    };
}
