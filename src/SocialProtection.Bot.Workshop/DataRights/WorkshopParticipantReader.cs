using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Reads a workshop's participants for an export, a few at a time from the prefix listing, so memory stays flat
/// whatever the workshop's size: each participant's record, their follow-up and (named workshops only) their
/// display name. Anonymous workshops number participants as the all-groups summary does (keyed-hash order), so
/// "ผู้เข้าร่วม 3" is the same person in the export and in the summary. Only the keys are held for the ordering.
/// </summary>
internal sealed partial class WorkshopParticipantReader
{
    private const string RespondentPurpose = "respondent";

    // Reads in flight at once: enough to hide Blob Storage latency, few enough to keep memory and the store calm.
    private const int BatchSize = 16;

    private readonly IObjectStore _store;
    private readonly JsonObjectStore _participants;
    private readonly FollowUpStore _followUps;
    private readonly UserProfileStore _profiles;
    private readonly ILogger _logger;

    public WorkshopParticipantReader(IObjectStore store, UserProfileStore profiles, ILogger<WorkshopParticipantReader> logger)
    {
        _store = store;
        _participants = new JsonObjectStore(store, StoredJson.StoreOptions());
        _followUps = new FollowUpStore(store);
        _profiles = profiles;
        _logger = logger;
    }

    public async IAsyncEnumerable<ExportParticipant> ReadAsync(
        string workshopId,
        AnswerVisibility visibility,
        AnonymityKey anonymityKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        ArgumentNullException.ThrowIfNull(anonymityKey);
        var keys = new List<(string StorageKey, string UserKey, string Rank)>();
        await foreach (var info in _store.ListAsync(WorkshopKeys.ParticipantsPrefix(workshopId), cancellationToken))
        {
            // Very long ids are stored under a hash and cannot be read back; the key itself still tells people apart.
            // (Records name their owner too; the key is read here so the order is known before any record is.)
            var userKey = UserKeySegment.FromKey(info.Key) ?? info.Key;
            keys.Add((info.Key, userKey, anonymityKey.Hash(RespondentPurpose, userKey)));
        }
        if (visibility == AnswerVisibility.Anonymous)
        {
            keys.Sort((a, b) => string.CompareOrdinal(a.Rank, b.Rank));
        }

        var skipped = 0;
        for (var start = 0; start < keys.Count; start += BatchSize)
        {
            var batch = keys.Skip(start).Take(BatchSize).Select((k, i) => ReadOneAsync(workshopId, k.StorageKey, k.UserKey, start + i + 1, visibility, cancellationToken)).ToList();
            foreach (var participant in await Task.WhenAll(batch))
            {
                if (participant is null)
                {
                    skipped++;
                    continue;
                }
                yield return participant;
            }
        }
        if (skipped > 0)
        {
            LogSkipped(_logger, workshopId, skipped);
        }
    }

    private async Task<ExportParticipant?> ReadOneAsync(string workshopId, string storageKey, string userKey, int number, AnswerVisibility visibility, CancellationToken cancellationToken)
    {
        ParticipantRecord? record;
        try
        {
            record = (await _participants.ReadAsync<ParticipantRecord>(storageKey, cancellationToken))?.Value;
        }
        catch (StoredDataCorruptException)
        {
            return null;
        }
        if (record is null)
        {
            return null; // erased between the listing and the read
        }
        PartnerFollowUp? followUp;
        try
        {
            followUp = await _followUps.GetPartnerAsync(workshopId, userKey, cancellationToken);
        }
        catch (StoredDataCorruptException)
        {
            followUp = null;
        }
        var label = DataRightsText.Default.Both(DataRightsTextKeys.ExportParticipant, number);
        string? displayName = null;
        if (visibility == AnswerVisibility.Named)
        {
            // The name kept with the answers (named workshops keep it), else how Teams last named them.
            var name = record.DisplayName;
            if (string.IsNullOrWhiteSpace(name))
            {
                try
                {
                    name = (await _profiles.GetConversationAsync(userKey, cancellationToken))?.Reference.User?.Name ?? followUp?.DisplayName;
                }
                catch (StoredDataCorruptException)
                {
                    name = followUp?.DisplayName;
                }
            }
            displayName = string.IsNullOrWhiteSpace(name) ? null : name;
            label = displayName ?? label;
        }
        return new ExportParticipant(number, label, record.UserKey ?? userKey, displayName, record, followUp);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: {Count} participant records could not be read and are left out of the export")]
    private static partial void LogSkipped(ILogger logger, string workshopId, int count);
}
