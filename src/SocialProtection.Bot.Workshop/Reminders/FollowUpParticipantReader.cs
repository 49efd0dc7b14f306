using System.Collections.Concurrent;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Reads every participant record of a workshop, in parallel, in key order, for the follow-up view (commitments and
/// numbering). A record that cannot be read, or names no user, is left out: one damaged record must not hide the rest.
/// </summary>
internal sealed class FollowUpParticipantReader(IObjectStore store)
{
    private const int ReadParallelism = 16;

    private readonly JsonObjectStore _json = new(store, StoredJson.StoreOptions());

    public async Task<IReadOnlyList<FollowUpParticipant>> ReadAllAsync(string workshopId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(WorkshopKeys.ParticipantsPrefix(workshopId), cancellationToken))
        {
            keys.Add(info.Key);
        }

        var found = new ConcurrentDictionary<string, FollowUpParticipant>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (key, token) =>
            {
                try
                {
                    if (await _json.ReadAsync<ParticipantRecord>(key, token) is { } stored
                        && (stored.Value.UserKey ?? UserKeySegment.FromKey(key)) is { } userKey)
                    {
                        found[key] = new FollowUpParticipant(userKey, stored.Value);
                    }
                }
                catch (StoredDataCorruptException)
                {
                    // Left out; the planner's sync logs damaged records.
                }
            });
        return [.. found.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];
    }
}
