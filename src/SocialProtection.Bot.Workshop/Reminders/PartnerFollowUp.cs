using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// One partner's follow-up in one workshop, stored as one object (<c>workshops/{workshopId}/commitments/{userKey}.json</c>)
/// and only ever changed with a conditional write: their commitments with status and notes, their reminder
/// preferences, and the scheduler's bookkeeping.
/// </summary>
internal sealed record PartnerFollowUp
{
    public const int CurrentSchemaVersion = 1;
    public const int ProcessedActionIdsKept = 50;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string WorkshopId { get; init; }

    /// <summary>The stable user key (Entra object id, else the Teams user id): who may act on these commitments.</summary>
    public required string UserKey { get; init; }

    /// <summary>The Teams user id ("29:…"), for card refresh and for creating a personal chat.</summary>
    public string? TeamsUserId { get; init; }

    /// <summary>The partner's name as Teams gives it, for the facilitator's view.</summary>
    public string? DisplayName { get; init; }

    /// <summary>"th" or "en"; null for Thai.</summary>
    public string? Language { get; init; }

    public ImmutableList<FollowUpCommitment> Commitments { get; init; } = [];

    /// <summary>The partner stopped reminders for this workshop.</summary>
    public bool OptedOut { get; init; }

    public DateTimeOffset? OptedOutAt { get; init; }

    /// <summary>The partner's own quiet hours, read in <see cref="TimeZoneId"/>; null for the configured default.</summary>
    public QuietHours? QuietHours { get; init; }

    /// <summary>The partner's IANA time zone as Teams reports it (<c>localTimezone</c>); null while unknown.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>Reminders whose planned time is up to this instant are already in the due queue (or finished).</summary>
    public DateTimeOffset PlannedThrough { get; init; }

    /// <summary>Identifies the plan version and due dates <see cref="PlannedThrough"/> was computed for.</summary>
    public string? PlanFingerprint { get; init; }

    /// <summary>Reminders that reached their end recently; a planner never queues these again.</summary>
    public ImmutableList<FinishedOccurrence> Finished { get; init; } = [];

    /// <summary>Card actions already applied (activity ids), so a redelivered activity changes nothing twice.</summary>
    public ImmutableList<string> ProcessedActionIds { get; init; } = [];

    /// <summary>Goes up by one with every change; the view shows it.</summary>
    public long Revision { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public FollowUpCommitment? Find(string commitmentId) => Commitments.Find(c => c.Id == commitmentId);

    public PartnerFollowUp Replace(FollowUpCommitment commitment)
    {
        var index = Commitments.FindIndex(c => c.Id == commitment.Id);
        return index < 0 ? this : this with { Commitments = Commitments.SetItem(index, commitment) };
    }

    public bool HasProcessed(string? actionId) => actionId is { Length: > 0 } && ProcessedActionIds.Contains(actionId);

    public PartnerFollowUp WithProcessed(string? actionId)
    {
        if (actionId is not { Length: > 0 } || ProcessedActionIds.Contains(actionId))
        {
            return this;
        }

        var ids = ProcessedActionIds.Add(actionId);
        return this with
        {
            ProcessedActionIds = ids.Count > ProcessedActionIdsKept ? ids.RemoveRange(0, ids.Count - ProcessedActionIdsKept) : ids,
        };
    }

    public bool HasFinished(string occurrenceId) => Finished.Exists(f => f.OccurrenceId == occurrenceId);
}
