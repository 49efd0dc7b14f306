using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// The store on Azure Blob Storage: one blob per key in one container (created on first write), ETag
/// conditions sent as If-Match / If-None-Match:*, leases as blob leases. Failures after the client's
/// bounded retries become <see cref="StorageUnavailableException"/>; the same instance works again as
/// soon as the service is back.
/// </summary>
public sealed class BlobObjectStore : IObjectStore
{
    // Each write carries a fresh id, so a write whose reply was lost and whose retry then hit its own
    // new version ("412: changed") can be recognised as having succeeded.
    private const string WriteIdMetadata = "writeid";

    private readonly BlobContainerClient _container;
    private readonly ILogger _logger;
    private readonly BlobRequestGate _gate;
    private readonly StorageMetrics? _metrics;
    private readonly Lock _containerSync = new();
    private Task? _containerReady;

    /// <param name="maxConcurrentRequests">Requests at Blob Storage at once (0: no bound); see <see cref="StorageOptions.MaxConcurrentRequests"/>.</param>
    /// <param name="queueTimeout">How long a request waits for its turn; see <see cref="StorageOptions.QueueTimeout"/>.</param>
    /// <param name="metrics">Where the phases of each request are recorded (none when null).</param>
    public BlobObjectStore(
        BlobContainerClient container, ILogger<BlobObjectStore>? logger = null, int maxConcurrentRequests = 0, TimeSpan? queueTimeout = null,
        StorageMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _metrics = metrics;
        _gate = new BlobRequestGate(maxConcurrentRequests, queueTimeout ?? TimeSpan.FromSeconds(10), metrics);
    }

    /// <summary>The container's address (no credentials), for start-up logs.</summary>
    public Uri ContainerUri => _container.Uri;

    public string ContainerName => _container.Name;

    public async Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        try
        {
            using var slot = await _gate.EnterAsync(cancellationToken);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var result = (await _container.GetBlobClient(key).DownloadContentAsync(cancellationToken)).Value;
                _metrics?.Read(started, "found");
                return new StoredObject(key, result.Content, ETagText(result.Details.ETag), result.Details.LastModified);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                _metrics?.Read(started, "missing");
                throw;
            }
            catch (Exception)
            {
                _metrics?.Read(started, "failed");
                throw;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (Exception e) when (BlobFailures.IsUnavailable(e, cancellationToken))
        {
            throw Unavailable("read", e);
        }
    }

    public async Task<string> PutAsync(string key, BinaryData content, WriteCondition condition, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        var conditions = condition.Kind switch
        {
            WriteConditionKind.None => null,
            WriteConditionKind.IfNotExists => new BlobRequestConditions { IfNoneMatch = ETag.All },
            WriteConditionKind.IfMatch => new BlobRequestConditions { IfMatch = new ETag(condition.ETag!) },
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown write condition."),
        };
        try
        {
            return await UploadAsync(key, content, conditions, cancellationToken)
                ?? throw new PreconditionFailedException(key);
        }
        catch (Exception e) when (BlobFailures.IsUnavailable(e, cancellationToken))
        {
            throw Unavailable("write", e);
        }
    }

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StorageKey.ValidatePrefix(prefix);
        var options = new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix };
        await using var items = _container.GetBlobsAsync(options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await MoveNextAsync(items, cancellationToken))
        {
            var item = items.Current;
            yield return new StoredObjectInfo(
                item.Name,
                ETagText(item.Properties.ETag ?? default),
                item.Properties.LastModified ?? DateTimeOffset.MinValue,
                item.Properties.ContentLength ?? 0);
        }
    }

    public async Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        var conditions = ifMatch is null ? null : new BlobRequestConditions { IfMatch = new ETag(ifMatch) };
        try
        {
            var blob = _container.GetBlobClient(key);
            using var slot = await _gate.EnterAsync(cancellationToken);
            try
            {
                return (await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, cancellationToken)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // An If-Match on a missing blob also answers 412: that is "there was none", as in the file store.
                return (await blob.ExistsAsync(cancellationToken)).Value ? throw new PreconditionFailedException(key) : false;
            }
        }
        catch (Exception e) when (BlobFailures.IsUnavailable(e, cancellationToken))
        {
            throw Unavailable("delete", e);
        }
    }

    public async Task<IStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        LeaseDuration.Validate(duration);
        try
        {
            // Created empty if missing; "already there" (null) is just as good.
            await UploadAsync(key, BinaryData.Empty, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);
            var lease = _container.GetBlobClient(key).GetBlobLeaseClient(Guid.NewGuid().ToString());
            await lease.AcquireAsync(duration, conditions: null, cancellationToken);
            return new BlobStoreLease(lease, key, _logger);
        }
        catch (RequestFailedException e) when (Is(e, BlobErrorCode.LeaseAlreadyPresent))
        {
            return null;
        }
        catch (Exception e) when (BlobFailures.IsUnavailable(e, cancellationToken))
        {
            throw Unavailable("lease", e);
        }
    }

    /// <summary>Uploads and returns the new ETag, or null when the condition did not hold.</summary>
    private async Task<string?> UploadAsync(string key, BinaryData content, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(key);
        var writeId = Guid.NewGuid().ToString("N");
        var options = new BlobUploadOptions
        {
            Conditions = conditions,
            Metadata = new Dictionary<string, string> { [WriteIdMetadata] = writeId },
        };
        for (var attempt = 1; ; attempt++)
        {
            await EnsureContainerAsync(cancellationToken);
            var counter = new RequestAttemptCounter();
            try
            {
                using var slot = await _gate.EnterAsync(cancellationToken);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    using (counter.Track())
                    {
                        var etag = ETagText((await blob.UploadAsync(content, options, cancellationToken)).Value.ETag);
                        _metrics?.Wrote(started, "written");
                        return etag;
                    }
                }
                catch (RequestFailedException e) when (e.Status == 412 || Is(e, BlobErrorCode.BlobAlreadyExists))
                {
                    _metrics?.Wrote(started, "conflict");
                    throw;
                }
                catch (Exception)
                {
                    _metrics?.Wrote(started, "failed");
                    throw;
                }
            }
            catch (RequestFailedException e) when (Is(e, BlobErrorCode.ContainerNotFound) && attempt == 1)
            {
                // Deleted behind our back since we created it: create it again, once.
                ForgetContainer();
            }
            catch (RequestFailedException e) when (e.Status == 412 || Is(e, BlobErrorCode.BlobAlreadyExists))
            {
                // Sent once, the conflict is certain. Retried, the first try may have succeeded with its reply lost.
                return counter.Attempts == 1 ? null : await OwnWriteETagAsync(blob, writeId, cancellationToken);
            }
        }
    }

    /// <summary>The blob's ETag if its current version is the write with <paramref name="writeId"/>, else null.</summary>
    private static async Task<string?> OwnWriteETagAsync(BlobClient blob, string writeId, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await blob.GetPropertiesAsync(conditions: null, cancellationToken)).Value;
            return properties.Metadata.TryGetValue(WriteIdMetadata, out var stored) && stored == writeId
                ? ETagText(properties.ETag)
                : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Creates the container once for the process. Concurrent first writes share one attempt; a failed attempt
    /// (storage down) is not remembered, so the next write tries again.
    /// </summary>
    private Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        lock (_containerSync)
        {
            if (_containerReady is not { IsFaulted: false, IsCanceled: false } ready)
            {
                // Not the caller's token: one caller giving up must not fail the others' shared attempt.
                ready = _containerReady = CreateContainerAsync();
            }

            return ready.WaitAsync(cancellationToken);
        }
    }

    private void ForgetContainer()
    {
        lock (_containerSync)
        {
            _containerReady = null;
        }
    }

    private async Task CreateContainerAsync()
    {
        try
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            // An identity with data rights only may not create containers; one the deployment made is fine.
            if (!(await _container.ExistsAsync(CancellationToken.None)).Value)
            {
                throw;
            }
        }

        _logger.LogInformation("Blob container {Container} is ready", _container.Name);
    }

    private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<BlobItem> items, CancellationToken cancellationToken)
    {
        try
        {
            return await items.MoveNextAsync();
        }
        catch (RequestFailedException e) when (Is(e, BlobErrorCode.ContainerNotFound))
        {
            return false;
        }
        catch (Exception e) when (BlobFailures.IsUnavailable(e, cancellationToken))
        {
            throw Unavailable("list", e);
        }
    }

    private static bool Is(RequestFailedException e, BlobErrorCode code) =>
        string.Equals(e.ErrorCode, code.ToString(), StringComparison.Ordinal);

    /// <summary>One form for every ETag, quoted as in the ETag header (listings return it bare).</summary>
    private static string ETagText(ETag etag)
    {
        var text = etag.ToString();
        return text.StartsWith('"') ? text : $"\"{text}\"";
    }


    private StorageUnavailableException Unavailable(string operation, Exception e)
    {
        var (status, code) = e is RequestFailedException failed ? (failed.Status, failed.ErrorCode) : (0, null);
        _metrics?.Failed(operation);
        // The key is left out: it can carry an (encoded) user id.
        _logger.LogWarning(
            "Blob storage {Operation} failed: {ErrorType} status {Status} code {ErrorCode}", operation, e.GetType().Name, status, code ?? "none");
        return new StorageUnavailableException(
            string.Create(CultureInfo.InvariantCulture, $"Blob Storage could not {operation} (after retries): {e.GetType().Name}, status {status}, code {code ?? "none"}."),
            e);
    }
}
