namespace SocialProtection.Bot.Storage;

/// <summary>A lease held in a <see cref="FileObjectStore"/>; disposing releases it.</summary>
internal sealed class FileStoreLease(FileObjectStore store, string key, string leaseId, TimeSpan duration) : IStoreLease
{
    private int _released;

    public string Key { get; } = key;

    public Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) != 0, this);
        return store.RenewLeaseAsync(Key, leaseId, duration, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        try
        {
            await store.ReleaseLeaseAsync(Key, leaseId, CancellationToken.None);
        }
        catch (StorageUnavailableException)
        {
            // Releasing early is a courtesy: the lease runs out on its own within a minute.
        }
    }
}
