using System.Collections.Immutable;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// A facilitator's follow-up plan for one workshop, stored at <c>reminders/plans/{workshopId}.json</c>: when each
/// partner is reminded of each open commitment. All dates and times are read in the workshop's zone (Asia/Bangkok).
/// </summary>
internal sealed record FollowUpPlan
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string WorkshopId { get; init; }

    /// <summary>The day of the workshop; the offsets count from it.</summary>
    public required DateOnly WorkshopDate { get; init; }

    /// <summary>Reminders this long after the workshop (e.g. 14d, 1m, 3m).</summary>
    public ImmutableArray<FollowUpOffset> AfterWorkshop { get; init; } = [];

    /// <summary>Reminders this many days before each commitment's due date (e.g. 3).</summary>
    public ImmutableArray<int> DaysBeforeDue { get; init; } = [];

    /// <summary>An optional Cron expression (5 fields, Cronos) for recurring check-ins, read in the workshop's zone.</summary>
    public string? RecurringCron { get; init; }

    /// <summary>The local time date-based reminders aim for; null for the configured default.</summary>
    public TimeOnly? SendAt { get; init; }

    /// <summary>A closed workshop sends nothing more.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The facilitators' user keys: who may change the plan and see the follow-up view by default.</summary>
    public ImmutableArray<string> FacilitatorUserKeys { get; init; } = [];

    /// <summary>Where "need help" requests go when no one else handles them: the workshop's channel (or group chat).</summary>
    public ConversationReference? FacilitatorConversation { get; init; }

    /// <summary>Goes up with every change to the schedule; partners are re-planned when it changes.</summary>
    public long Version { get; init; }

    /// <summary>The store time of the newest participant record already copied into follow-up records.</summary>
    public DateTimeOffset? ParticipantsSyncedThrough { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsClosed => ClosedAt is not null;
}
