using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>Stored postings and the pending markers that let a restarted bot find the unfinished ones.</summary>
internal sealed class SummaryPostingStore(IObjectStore objectStore)
{
    private readonly JsonObjectStore _store = new(objectStore, StoredJson.StoreOptions());

    /// <summary>
    /// Stores a new posting and its pending marker; false when a posting with that id exists (a redelivered command),
    /// in which case nothing is written.
    /// </summary>
    public async Task<bool> CreateAsync(SummaryPosting posting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posting);
        // The marker goes first: a posting that exists is always found again after a restart.
        await _store.WriteAsync(WorkshopKeys.PendingPosting(posting.Id), new PendingPosting(posting.WorkshopId, posting.Id), WriteCondition.None, cancellationToken);
        try
        {
            await _store.WriteAsync(WorkshopKeys.Posting(posting.WorkshopId, posting.Id), posting, WriteCondition.IfNotExists, cancellationToken);
            return true;
        }
        catch (PreconditionFailedException)
        {
            return false;
        }
    }

    public async Task<SummaryPosting?> GetAsync(string workshopId, string postingId, CancellationToken cancellationToken) =>
        (await _store.ReadAsync<SummaryPosting>(WorkshopKeys.Posting(workshopId, postingId), cancellationToken))?.Value;

    /// <summary>Records how far the posting got (one writer: the posting service).</summary>
    public async Task<SummaryPosting> SaveAsync(SummaryPosting posting, CancellationToken cancellationToken)
    {
        await _store.WriteAsync(WorkshopKeys.Posting(posting.WorkshopId, posting.Id), posting, WriteCondition.None, cancellationToken);
        return posting;
    }

    /// <summary>Forgets the pending marker of a finished posting.</summary>
    public Task RemovePendingAsync(string postingId, CancellationToken cancellationToken) =>
        objectStore.DeleteAsync(WorkshopKeys.PendingPosting(postingId), ifMatch: null, cancellationToken);

    public async Task<IReadOnlyList<PendingPosting>> ListPendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<PendingPosting>();
        await foreach (var info in objectStore.ListAsync(WorkshopKeys.PendingPostingsPrefix, cancellationToken))
        {
            try
            {
                if (await _store.ReadAsync<PendingPosting>(info.Key, cancellationToken) is { } marker)
                {
                    pending.Add(marker.Value);
                }
            }
            catch (StoredDataCorruptException)
            {
                // A damaged marker cannot name its posting; it is removed so it is not met at every start.
                await objectStore.DeleteAsync(info.Key, ifMatch: null, cancellationToken);
            }
        }
        return pending;
    }
}
