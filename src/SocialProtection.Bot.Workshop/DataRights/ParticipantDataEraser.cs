using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Users;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Erases one person's data on request (PDPA): their participant record in each workshop, their commitments'
/// follow-up and pending reminders, their dot votes (and their place on the ballots' voter lists), what is kept per user
/// (<c>users/{userKey}/</c>: their profile, with the personal conversation reference and the workshop they joined), and their answers in the stored summaries (<see cref="StoredSummaryRedactor"/>).
/// Idempotent: erasing twice deletes nothing more the second time. The objects are found by listing, not through an
/// index, so nothing of theirs can be missed because an index was stale; a second pass catches records that a turn
/// or a background sync running at the same moment wrote again. Logged with counts and a hashed key only.
/// </summary>
internal sealed partial class ParticipantDataEraser(
    IObjectStore store,
    JsonObjectStore json,
    StoredSummaryRedactor summaries,
    UserProfileStore profiles,
    ILogger<ParticipantDataEraser> logger)
{
    private const string WorkshopsPrefix = "workshops/";
    private const string BallotFileName = "/ballot.json";
    private const int ReadParallelism = 16;

    private readonly JsonObjectStore _participants = new(store, StoredJson.StoreOptions());
    private readonly JsonObjectStore _reminders = new(store, StoredJson.StoreOptions());

    /// <summary>Everything of <paramref name="userKey"/> in every workshop, and how the bot reaches them.</summary>
    public async Task<ErasureResult> EraseEverywhereAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        EnsureProfilesFolded();
        var deleted = await EraseUnderAsync(WorkshopsPrefix, userKey, workshopId: null, cancellationToken);
        deleted.Objects += await EraseDueRemindersAsync(userKey, workshopId: null, cancellationToken);
        deleted.Objects += await EraseUserObjectsAsync(userKey, cancellationToken);
        deleted.Objects += await DeleteAgainAsync(deleted, cancellationToken);
        LogErased(logger, SubjectHash.Of(userKey), "all", deleted.Objects, deleted.Workshops.Count);
        return new ErasureResult(deleted.Objects, deleted.Workshops.Count);
    }

    /// <summary>
    /// Everything of <paramref name="userKey"/> in one workshop (a facilitator's erasure). Their personal conversation
    /// reference goes too unless they still take part in another workshop, whose reminders need it.
    /// </summary>
    public async Task<ErasureResult> EraseFromWorkshopAsync(string workshopId, string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        EnsureProfilesFolded();
        var prefix = WorkshopKeys.ParticipantsPrefix(workshopId);
        prefix = prefix[..^"participants/".Length];
        var deleted = await EraseUnderAsync(prefix, userKey, workshopId, cancellationToken);
        deleted.Objects += await EraseDueRemindersAsync(userKey, workshopId, cancellationToken);
        deleted.Objects += await TakesPartAnywhereAsync(userKey, cancellationToken)
            ? await ForgetActiveWorkshopAsync(userKey, workshopId, cancellationToken)
            : await EraseUserObjectsAsync(userKey, cancellationToken);
        deleted.Objects += await DeleteAgainAsync(deleted, cancellationToken);
        LogErased(logger, SubjectHash.Of(userKey), "workshop", deleted.Objects, deleted.Workshops.Count);
        return new ErasureResult(deleted.Objects, deleted.Workshops.Count);
    }

    /// <summary>
    /// Erasure waits until the per-user documents from before the profile are folded in (done at start while storage
    /// answers): otherwise a fold running meanwhile could write back a profile from documents just erased.
    /// </summary>
    private void EnsureProfilesFolded()
    {
        if (!profiles.LegacyFolded.IsCompleted)
        {
            throw new StorageUnavailableException("Older per-user documents are still being folded into profiles.");
        }
    }

    private sealed class Tally
    {
        public int Objects { get; set; }

        public HashSet<string> Workshops { get; } = new(StringComparer.Ordinal);

        /// <summary>The records and follow-ups found, which a turn or a commitment sync running meanwhile could write again.</summary>
        public List<string> Rewritable { get; } = [];
    }

    /// <summary>
    /// The last step: a turn or a commitment sync that read before the first deletes may have written a record again;
    /// deleting the same keys once more leaves nothing behind.
    /// </summary>
    private async Task<int> DeleteAgainAsync(Tally tally, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var key in tally.Rewritable)
        {
            deleted += await DeleteAsync(key, cancellationToken);
        }
        return deleted;
    }

    /// <summary>One listing under <paramref name="prefix"/> finds the person's records, follow-ups, votes and the ballots.</summary>
    private async Task<Tally> EraseUnderAsync(string prefix, string userKey, string? workshopId, CancellationToken cancellationToken)
    {
        var names = UserObjectNames.For(userKey);
        var tally = new Tally();
        var ownKeys = new List<(string Key, string WorkshopSegment, bool IsParticipant)>();
        var ballots = new List<string>();
        await foreach (var info in store.ListAsync(prefix, cancellationToken))
        {
            if (names.IsParticipantRecord(info.Key) || names.IsFollowUp(info.Key) || names.IsVote(info.Key))
            {
                ownKeys.Add((info.Key, UserObjectNames.WorkshopSegment(info.Key), names.IsParticipantRecord(info.Key)));
                if (!names.IsVote(info.Key))
                {
                    tally.Rewritable.Add(info.Key);
                }
            }
            else if (info.Key.EndsWith(BallotFileName, StringComparison.Ordinal))
            {
                ballots.Add(info.Key);
            }
        }

        foreach (var (key, segment, isParticipant) in ownKeys)
        {
            // The record is read before it goes: its answers say which stored summaries and ballots hold them.
            var record = isParticipant ? await ReadRecordAsync(key, cancellationToken) : null;
            if (await DeleteAsync(key, cancellationToken) == 1)
            {
                tally.Objects++;
                tally.Workshops.Add(segment);
            }
            if (record is not null && (workshopId ?? UserObjectNames.WorkshopId(segment)) is { } id)
            {
                tally.Objects += await summaries.RemoveParticipantAsync(id, record, cancellationToken);
            }
        }
        foreach (var ballot in ballots)
        {
            try
            {
                await json.UpdateAsync<DotVoteBallot>(
                    ballot,
                    current => current is not null && current.IsEligible(userKey)
                        ? UpdateDecision.Write(current with { EligibleVoters = current.EligibleVoters.Where(v => v != userKey).ToList() })
                        : UpdateDecision.NoChange<DotVoteBallot>(),
                    cancellationToken);
            }
            catch (StoredDataCorruptException)
            {
                // A damaged ballot is never overwritten; it must not stop the rest of the erasure.
                LogDamagedBallot(logger);
            }
        }
        return tally;
    }

    private async Task<ParticipantRecord?> ReadRecordAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await _participants.ReadAsync<ParticipantRecord>(key, cancellationToken))?.Value;
        }
        catch (StoredDataCorruptException)
        {
            return null; // unreadable, so it is deleted without knowing what it held
        }
    }

    /// <summary>Reminders still queued for the person (in one workshop, or all); the queue is scanned, as its keys hold no user.</summary>
    private async Task<int> EraseDueRemindersAsync(string userKey, string? workshopId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(ReminderKeys.DuePrefix, cancellationToken))
        {
            keys.Add(info.Key);
        }
        var deleted = 0;
        // The queue holds only the next days' reminders; reading it in parallel keeps an erasure within a card's time.
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (key, token) =>
            {
                ReminderOccurrence? occurrence;
                try
                {
                    occurrence = (await _reminders.ReadAsync<ReminderOccurrence>(key, token))?.Value;
                }
                catch (StoredDataCorruptException)
                {
                    return;
                }
                if (occurrence is not null && occurrence.UserKey == userKey && (workshopId is null || occurrence.WorkshopId == workshopId))
                {
                    Interlocked.Add(ref deleted, await DeleteAsync(key, token));
                }
            });
        return deleted;
    }

    /// <summary>Everything kept per user (<c>users/{userKey}/</c>): the personal conversation reference, the workshop they joined.</summary>
    private async Task<int> EraseUserObjectsAsync(string userKey, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(WorkshopKeys.UserPrefix(userKey), cancellationToken))
        {
            keys.Add(info.Key);
        }
        var deleted = 0;
        foreach (var key in keys)
        {
            deleted += await DeleteAsync(key, cancellationToken);
        }
        return deleted;
    }

    /// <summary>The note of which workshop the user's personal chat answers into, when it is the one they were erased from.</summary>
    private async Task<int> ForgetActiveWorkshopAsync(string userKey, string workshopId, CancellationToken cancellationToken) =>
        await profiles.ForgetJoinedAsync(userKey, workshopId, cancellationToken) ? 1 : 0;


    private async Task<bool> TakesPartAnywhereAsync(string userKey, CancellationToken cancellationToken)
    {
        var names = UserObjectNames.For(userKey);
        await foreach (var info in store.ListAsync(WorkshopsPrefix, cancellationToken))
        {
            if (names.IsParticipantRecord(info.Key) || names.IsFollowUp(info.Key))
            {
                return true;
            }
        }
        return false;
    }

    private async Task<int> DeleteAsync(string key, CancellationToken cancellationToken) =>
        await store.DeleteAsync(key, ifMatch: null, cancellationToken) ? 1 : 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the data of subject {Subject} ({Scope}): {Objects} objects in {Workshops} workshops")]
    private static partial void LogErased(ILogger logger, string subject, string scope, int objects, int workshops);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An erasure met a damaged ballot and left it as it is")]
    private static partial void LogDamagedBallot(ILogger logger);
}
