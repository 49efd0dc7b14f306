using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Reads every participant record of a workshop (<c>workshops/{workshopId}/participants/</c>), in parallel, in key
/// order. A record that cannot be read is left out and logged (without ids): one damaged record must not stop a
/// facilitator's summary of everyone else.
/// </summary>
internal sealed partial class WorkshopParticipants(IObjectStore store, ILogger<WorkshopParticipants> logger)
{
    private const int ReadParallelism = 16;
    private const string JsonExtension = ".json";

    private readonly JsonObjectStore _json = new(store, StoredJson.StoreOptions());

    public async Task<IReadOnlyList<WorkshopParticipant>> ReadAllAsync(string workshopId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(WorkshopKeys.ParticipantsPrefix(workshopId), cancellationToken))
        {
            keys.Add(info.Key);
        }

        var found = new ConcurrentDictionary<string, WorkshopParticipant>(StringComparer.Ordinal);
        var unreadable = 0;
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (key, token) =>
            {
                try
                {
                    // A record deleted between listing and reading is simply not there.
                    if (await _json.ReadAsync<ParticipantRecord>(key, token) is { } stored
                        && (stored.Value.UserKey ?? KeyOwner(key)) is { } userKey)
                    {
                        found[key] = new WorkshopParticipant(userKey, stored.Value);
                    }
                }
                catch (StoredDataCorruptException)
                {
                    Interlocked.Increment(ref unreadable);
                }
            });
        if (unreadable > 0)
        {
            LogUnreadable(logger, workshopId, unreadable);
        }
        return [.. found.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];
    }

    /// <summary>
    /// The user key of a record written before records named their owner: Entra object ids are stored as they are
    /// (StorageKey.Segment keeps [a-z0-9-]); encoded ids cannot be read back, and such records are left out.
    /// </summary>
    private static string? KeyOwner(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        if (!name.EndsWith(JsonExtension, StringComparison.Ordinal))
        {
            return null;
        }
        var segment = name[..^JsonExtension.Length];
        return Guid.TryParse(segment, out _) ? segment : null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} participant records of workshop {WorkshopId} cannot be read and were left out")]
    private static partial void LogUnreadable(ILogger logger, string workshopId, int count);
}
