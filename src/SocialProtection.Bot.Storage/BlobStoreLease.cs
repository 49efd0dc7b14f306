using Azure;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace SocialProtection.Bot.Storage;

/// <summary>A blob lease; disposing releases it.</summary>
internal sealed class BlobStoreLease(BlobLeaseClient lease, string key, ILogger logger) : IStoreLease
{
    private int _released;

    public string Key { get; } = key;

    public async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) != 0, this);
        try
        {
            await lease.RenewAsync(conditions: null, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
        catch (Exception e) when (BlobFailures.IsUnavailable(e, cancellationToken))
        {
            throw new StorageUnavailableException("Blob Storage could not renew a lease (after retries).", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        try
        {
            await lease.ReleaseAsync(conditions: null, CancellationToken.None);
        }
        catch (Exception e) when (BlobFailures.IsUnavailable(e, CancellationToken.None))
        {
            // Releasing early is a courtesy: the lease runs out on its own within a minute.
            logger.LogDebug("Lease release failed ({ErrorType}); it will expire on its own", e.GetType().Name);
        }
    }
}
