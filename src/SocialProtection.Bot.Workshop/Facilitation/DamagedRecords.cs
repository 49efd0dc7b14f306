using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Participant records of a workshop that cannot be read (issue 15 item 6): listed by their <see cref="DamagedRecordCode"/>,
/// and either moved aside (the bytes kept under <c>damaged/workshops/{workshopId}/participants/</c> for an operator, so
/// the participant can start again) or erased. Only records that really are unreadable can be touched this way, so the
/// commands can never remove a good record; nothing else is changed.
/// </summary>
internal sealed partial class DamagedRecords(IObjectStore store, ILogger<DamagedRecords> logger)
{
    private const string AsidePrefix = "damaged/";

    private readonly JsonObjectStore _json = new(store, StoredJson.StoreOptions());

    /// <summary>The codes of the workshop's unreadable participant records, in key order.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string workshopId, CancellationToken cancellationToken)
    {
        var codes = new List<string>();
        foreach (var key in await DamagedKeysAsync(workshopId, cancellationToken))
        {
            codes.Add(DamagedRecordCode.Of(key));
        }
        return codes;
    }

    /// <summary>Moves the damaged record named by <paramref name="code"/> aside; false when there is no such damaged record.</summary>
    public async Task<bool> MoveAsideAsync(string workshopId, string code, CancellationToken cancellationToken)
    {
        if (await FindAsync(workshopId, code, cancellationToken) is not { } found)
        {
            return false;
        }
        await store.PutAsync(AsidePrefix + found.Key, found.Content, WriteCondition.None, cancellationToken);
        await store.DeleteAsync(found.Key, found.ETag, cancellationToken);
        LogMovedAside(logger, workshopId, code);
        return true;
    }

    /// <summary>Deletes the damaged record named by <paramref name="code"/>; false when there is no such damaged record.</summary>
    public async Task<bool> EraseAsync(string workshopId, string code, CancellationToken cancellationToken)
    {
        if (await FindAsync(workshopId, code, cancellationToken) is not { } found)
        {
            return false;
        }
        await store.DeleteAsync(found.Key, found.ETag, cancellationToken);
        LogErased(logger, workshopId, code);
        return true;
    }

    private async Task<StoredObject?> FindAsync(string workshopId, string code, CancellationToken cancellationToken)
    {
        foreach (var key in await DamagedKeysAsync(workshopId, cancellationToken))
        {
            if (DamagedRecordCode.Of(key) == code && await store.GetAsync(key, cancellationToken) is { } stored)
            {
                return stored;
            }
        }
        return null;
    }

    private async Task<List<string>> DamagedKeysAsync(string workshopId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(WorkshopKeys.ParticipantsPrefix(workshopId), cancellationToken))
        {
            keys.Add(info.Key);
        }
        var damaged = new List<string>();
        foreach (var key in keys)
        {
            try
            {
                await _json.ReadAsync<ParticipantRecord>(key, cancellationToken);
            }
            catch (StoredDataCorruptException e)
            {
                // A record from a newer bot (a deployment under way) is not damaged and is never offered for repair.
                if (!NewerRecordVersionException.IsCause(e))
                {
                    damaged.Add(key);
                }
            }
        }
        return damaged;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The damaged participant record {Code} of workshop {WorkshopId} was moved aside by a facilitator")]
    private static partial void LogMovedAside(ILogger logger, string workshopId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The damaged participant record {Code} of workshop {WorkshopId} was erased by a facilitator")]
    private static partial void LogErased(ILogger logger, string workshopId, string code);
}
