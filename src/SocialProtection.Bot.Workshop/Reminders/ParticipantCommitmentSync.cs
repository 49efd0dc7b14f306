using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Copies the commitments participants gave in the dialog (the dialog owns their text and due dates) into their
/// follow-up records, keeping the follow-up's own state (status, notes, snoozes). New commitments start "not started";
/// commitments the participant removed leave the follow-up. Idempotent: run it as often as needed.
/// </summary>
internal sealed partial class ParticipantCommitmentSync
{
    // Store clocks and ours differ a little; records changed this close to the watermark are looked at again.
    private static readonly TimeSpan WatermarkOverlap = TimeSpan.FromMinutes(2);

    private readonly IObjectStore _objects;
    private readonly JsonObjectStore _participants;
    private readonly FollowUpStore _store;
    private readonly UserProfileStore _profiles;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ParticipantCommitmentSync(FollowUpStore store, UserProfileStore profiles, TimeProvider time, ILogger<ParticipantCommitmentSync> logger)
    {
        _store = store;
        _objects = store.Objects;
        _participants = new JsonObjectStore(_objects, StoredJson.StoreOptions());
        _profiles = profiles;
        _time = time;
        _logger = logger;
    }

    /// <summary>Brings every participant changed since the last run into the follow-up; returns how many records it looked at.</summary>
    public async Task<int> SyncWorkshopAsync(FollowUpPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var since = plan.ParticipantsSyncedThrough - WatermarkOverlap;
        DateTimeOffset? newest = plan.ParticipantsSyncedThrough;
        var looked = 0;
        var unreadable = 0;
        await foreach (var info in _objects.ListAsync(WorkshopKeys.ParticipantsPrefix(plan.WorkshopId), cancellationToken))
        {
            if (info.LastModified < since)
            {
                continue;
            }

            var record = (await _participants.ReadAsync<ParticipantRecord>(info.Key, cancellationToken))?.Value;
            if ((record?.UserKey ?? UserKeySegment.FromKey(info.Key)) is not { } userKey)
            {
                unreadable++;
                continue;
            }

            looked++;
            await SyncAsync(plan.WorkshopId, userKey, record, cancellationToken);
            newest = newest is null || info.LastModified > newest ? info.LastModified : newest;
        }

        if (unreadable > 0)
        {
            LogUnreadableKeys(_logger, plan.WorkshopId, unreadable);
        }

        if (newest != plan.ParticipantsSyncedThrough)
        {
            await _store.UpdatePlanAsync(plan.WorkshopId, current => current is null || current.ParticipantsSyncedThrough >= newest
                ? UpdateDecision.NoChange<FollowUpPlan>()
                : UpdateDecision.Write(current with { ParticipantsSyncedThrough = newest }), cancellationToken);
        }

        return looked;
    }

    /// <summary>Brings one participant's commitments into their follow-up record (the dialog may call this after a change).</summary>
    public async Task SyncParticipantAsync(string workshopId, string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        var record = (await _participants.ReadAsync<ParticipantRecord>(WorkshopKeys.Participant(workshopId, userKey), cancellationToken))?.Value;
        await SyncAsync(workshopId, userKey, record, cancellationToken);
    }

    /// <summary>
    /// Brings the commitments of <paramref name="participants"/> (already read) into the follow-up where they differ from
    /// <paramref name="partners"/>, with or without a plan: what the follow-up view calls so that a commitment shows the
    /// moment it is submitted. Writes only for participants whose commitments changed; returns how many.
    /// </summary>
    public async Task<int> SyncChangedAsync(string workshopId, IReadOnlyList<FollowUpParticipant> participants, IReadOnlyList<PartnerFollowUp> partners, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(partners);
        var known = partners.ToDictionary(p => p.UserKey, StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        var changed = 0;
        foreach (var participant in participants)
        {
            var existing = known.GetValueOrDefault(participant.UserKey);
            var decision = Merge(existing, workshopId, participant.UserKey, CommitmentsOf(participant.Record), participant.Record.Language, null, participant.Record.DisplayName, now);
            if (decision.HasChange)
            {
                await SyncAsync(workshopId, participant.UserKey, participant.Record, cancellationToken);
                changed++;
            }
        }

        return changed;
    }

    private async Task SyncAsync(string workshopId, string userKey, ParticipantRecord? record, CancellationToken cancellationToken)
    {
        var given = record is null ? [] : CommitmentsOf(record);
        var teamsUserId = (await _profiles.GetConversationAsync(userKey, cancellationToken))?.Reference.User?.Id;
        var now = _time.GetUtcNow();
        // The name only where the workshop keeps names (named answers); anonymous workshops stay anonymous here too.
        await _store.UpdatePartnerAsync(workshopId, userKey, existing => Merge(existing, workshopId, userKey, given, record?.Language, teamsUserId, record?.DisplayName, now), cancellationToken);
    }

    /// <summary>Every commitment the participant has answered, across all commitment questions, in answer order.</summary>
    public static IReadOnlyList<Commitment> CommitmentsOf(ParticipantRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [.. record.Answers.Values
            .Where(a => a.Kind == QuestionKind.Commitments.Name && a.HasValue)
            .SelectMany(a => a.Commitments!)
            .DistinctBy(c => c.Id)];
    }

    /// <summary>The follow-up record after taking in the dialog's commitments; no change when nothing differs.</summary>
    public static UpdateDecision<PartnerFollowUp> Merge(
        PartnerFollowUp? existing,
        string workshopId,
        string userKey,
        IReadOnlyList<Commitment> given,
        string? language,
        string? teamsUserId,
        string? displayName,
        DateTimeOffset now)
    {
        if (existing is null && given.Count == 0)
        {
            return UpdateDecision.NoChange<PartnerFollowUp>();
        }

        var current = existing ?? new PartnerFollowUp
        {
            WorkshopId = workshopId,
            UserKey = userKey,
            PlannedThrough = now,
            CreatedAt = now,
        };
        var commitments = given.Select(c => current.Find(c.Id) is { } tracked
                ? tracked with { Action = c.Action, Organisation = c.Organisation, DueDate = c.DueDate }
                : new FollowUpCommitment { Id = c.Id, Action = c.Action, Organisation = c.Organisation, DueDate = c.DueDate })
            .ToImmutableList();
        var next = current with
        {
            Commitments = commitments,
            Language = language ?? current.Language,
            TeamsUserId = teamsUserId ?? current.TeamsUserId,
            DisplayName = displayName ?? current.DisplayName,
        };
        if (existing is not null && SameContent(existing, next))
        {
            return UpdateDecision.NoChange<PartnerFollowUp>();
        }

        return UpdateDecision.Write(next with { Revision = current.Revision + 1, UpdatedAt = now });
    }

    private static bool SameContent(PartnerFollowUp a, PartnerFollowUp b) =>
        a.Language == b.Language
        && a.TeamsUserId == b.TeamsUserId
        && a.DisplayName == b.DisplayName
        && a.Commitments.Count == b.Commitments.Count
        && a.Commitments.Zip(b.Commitments).All(p => p.First == p.Second);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: {Count} participant records name no user (old records with hashed keys); their commitments are not followed up until the dialog reports them")]
    private static partial void LogUnreadableKeys(ILogger logger, string workshopId, int count);
}
