using System.Globalization;
using System.Runtime.CompilerServices;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// The local-disk store, used when no Azure storage is configured, with the same semantics as the blob
/// store: a write goes to a temporary file that is flushed and then renamed over the object (readers see
/// the old object or the new, never a mix; a crash leaves the old one), every write gets a new ETag,
/// and each compare-and-swap runs under a per-key OS file lock, so conditions hold across tasks and across
/// processes sharing the folder. Leases are files with holder and expiry, so they survive restarts.
/// </summary>
public sealed class FileObjectStore : IObjectStore
{
    private static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(10);

    private readonly string _objectsRoot;
    private readonly FileKeyLocks _locks;
    private readonly TimeProvider _time;

    /// <param name="rootPath">The data folder; created if missing. Objects go under "objects", lock files under "locks".</param>
    /// <param name="timeProvider">The clock for write times and lease expiry (all processes on a folder must share one clock).</param>
    /// <param name="lockTimeout">How long an operation waits for a key another writer holds before giving up.</param>
    public FileObjectStore(string rootPath, TimeProvider? timeProvider = null, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        RootPath = Path.GetFullPath(rootPath);
        _objectsRoot = Path.Combine(RootPath, "objects");
        var locksDirectory = Path.Combine(RootPath, "locks");
        try
        {
            Directory.CreateDirectory(_objectsRoot);
            Directory.CreateDirectory(locksDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The local storage folder '{RootPath}' cannot be created or written: {e.Message}", e);
        }

        _time = timeProvider ?? TimeProvider.System;
        _locks = new FileKeyLocks(locksDirectory, lockTimeout ?? DefaultLockTimeout);
    }

    /// <summary>The absolute data folder.</summary>
    public string RootPath { get; }

    public async Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        var paths = FileObjectPaths.For(_objectsRoot, key);
        return await GuardAsync(async () =>
        {
            var bytes = await ReadAllOrNullAsync(paths.Object, cancellationToken);
            if (bytes is null)
            {
                return null;
            }

            var header = FileObjectHeader.Parse(bytes) ?? throw DamagedHeader(key);
            return new StoredObject(key, new BinaryData(bytes.AsMemory(FileObjectHeader.Size)), header.ETag, header.LastModified);
        });
    }

    public async Task<string> PutAsync(string key, BinaryData content, WriteCondition condition, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        var paths = FileObjectPaths.For(_objectsRoot, key);
        return await GuardAsync(async () =>
        {
            using var held = await _locks.AcquireAsync(key, cancellationToken);
            // An unconditional write needs no version, so it can also replace a damaged object.
            var holds = condition.Kind switch
            {
                WriteConditionKind.None => true,
                WriteConditionKind.IfNotExists => !File.Exists(paths.Object),
                WriteConditionKind.IfMatch => await ReadHeaderAsync(key, paths.Object, cancellationToken) is { } found
                    && string.Equals(found.ETag, condition.ETag, StringComparison.Ordinal),
                _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown write condition."),
            };
            if (!holds || await ReadActiveLeaseAsync(paths, cancellationToken) is not null)
            {
                throw new PreconditionFailedException(key);
            }

            var header = FileObjectHeader.New(_time);
            await WriteAtomicallyAsync(paths.Directory, paths.Temp, paths.Object, header.ToBytes(), content.ToMemory(), cancellationToken);
            return header.ETag;
        });
    }

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StorageKey.ValidatePrefix(prefix);
        var found = await GuardAsync(() => ListSortedAsync(prefix, cancellationToken));
        foreach (var info in found)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return info;
        }
    }

    public async Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        var paths = FileObjectPaths.For(_objectsRoot, key);
        return await GuardAsync(async () =>
        {
            using var held = await _locks.AcquireAsync(key, cancellationToken);
            // Without an ETag the version is not needed: a damaged object can still be erased.
            if (!File.Exists(paths.Object))
            {
                return false;
            }

            if ((ifMatch is not null && (await ReadHeaderAsync(key, paths.Object, cancellationToken))?.ETag != ifMatch)
                || await ReadActiveLeaseAsync(paths, cancellationToken) is not null)
            {
                throw new PreconditionFailedException(key);
            }

            File.Delete(paths.Object);
            File.Delete(paths.Lease); // an expired lease goes with its object, as in Blob Storage
            return true;
        });
    }

    public async Task<IStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        LeaseDuration.Validate(duration);
        var paths = FileObjectPaths.For(_objectsRoot, key);
        return await GuardAsync<IStoreLease?>(async () =>
        {
            using var held = await _locks.AcquireAsync(key, cancellationToken);
            if (await ReadActiveLeaseAsync(paths, cancellationToken) is not null)
            {
                return null;
            }

            if (!File.Exists(paths.Object))
            {
                var header = FileObjectHeader.New(_time);
                await WriteAtomicallyAsync(paths.Directory, paths.Temp, paths.Object, header.ToBytes(), ReadOnlyMemory<byte>.Empty, cancellationToken);
            }

            var lease = new FileLeaseRecord(Guid.NewGuid().ToString("N"), _time.GetUtcNow() + duration);
            await WriteLeaseAsync(paths, lease, cancellationToken);
            return new FileStoreLease(this, key, lease.LeaseId, duration);
        });
    }

    /// <summary>Extends the lease if this holder still has it (even past expiry, as long as nobody took it since).</summary>
    internal async Task<bool> RenewLeaseAsync(string key, string leaseId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var paths = FileObjectPaths.For(_objectsRoot, key);
        return await GuardAsync(async () =>
        {
            using var held = await _locks.AcquireAsync(key, cancellationToken);
            if (await ReadLeaseAsync(paths, cancellationToken) is not { } current || current.LeaseId != leaseId)
            {
                return false;
            }

            await WriteLeaseAsync(paths, current with { ExpiresAt = _time.GetUtcNow() + duration }, cancellationToken);
            return true;
        });
    }

    internal async Task ReleaseLeaseAsync(string key, string leaseId, CancellationToken cancellationToken)
    {
        var paths = FileObjectPaths.For(_objectsRoot, key);
        await GuardAsync(async () =>
        {
            using var held = await _locks.AcquireAsync(key, cancellationToken);
            if (await ReadLeaseAsync(paths, cancellationToken) is { } current && current.LeaseId == leaseId)
            {
                File.Delete(paths.Lease);
            }

            return true;
        });
    }

    /// <summary>Where a key's object file is; for tests that play a crash.</summary>
    internal FileObjectPaths PathsFor(string key) => FileObjectPaths.For(_objectsRoot, key);

    private async Task<List<StoredObjectInfo>> ListSortedAsync(string prefix, CancellationToken cancellationToken)
    {
        var segments = prefix.Split('/');
        var directory = FileObjectPaths.DirectoryFor(_objectsRoot, segments[..^1]);
        var found = new List<StoredObjectInfo>();
        if (!Directory.Exists(directory))
        {
            return found;
        }

        var files = Directory.EnumerateFiles(directory, "*" + FileObjectPaths.ObjectSuffix, new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = false,
            AttributesToSkip = FileAttributes.None,
            MatchType = MatchType.Simple,
        });
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (FileObjectPaths.KeyOf(_objectsRoot, file) is not { } key || !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            // Deleted between the directory scan and now: it is simply not there any more.
            if (await ReadHeaderWithLengthAsync(key, file, cancellationToken) is { } entry)
            {
                found.Add(new StoredObjectInfo(key, entry.Header.ETag, entry.Header.LastModified, entry.Length - FileObjectHeader.Size));
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return found;
    }

    private static async Task<FileObjectHeader?> ReadHeaderAsync(string key, string path, CancellationToken cancellationToken) =>
        (await ReadHeaderWithLengthAsync(key, path, cancellationToken))?.Header;

    private static async Task<(FileObjectHeader Header, long Length)?> ReadHeaderWithLengthAsync(
        string key, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = OpenForReading(path);
            var buffer = new byte[FileObjectHeader.Size];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var header = FileObjectHeader.Parse(buffer.AsSpan(0, read)) ?? throw DamagedHeader(key);
            return (header, stream.Length);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static async Task<byte[]?> ReadAllOrNullAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = OpenForReading(path);
            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    // FileShare.Delete lets a writer rename a new version over a file that is being read (on Windows too).
    private static FileStream OpenForReading(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous);

    private async Task<FileLeaseRecord?> ReadActiveLeaseAsync(FileObjectPaths paths, CancellationToken cancellationToken) =>
        await ReadLeaseAsync(paths, cancellationToken) is { } lease && lease.ExpiresAt > _time.GetUtcNow() ? lease : null;

    private static async Task<FileLeaseRecord?> ReadLeaseAsync(FileObjectPaths paths, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllOrNullAsync(paths.Lease, cancellationToken);
        // A lease file is only ever replaced whole; one that does not parse was damaged by hand and
        // counts as expired, so a single-writer job is never locked out for good.
        return bytes is null ? null : FileLeaseRecord.Parse(bytes);
    }

    private static Task WriteLeaseAsync(FileObjectPaths paths, FileLeaseRecord lease, CancellationToken cancellationToken) =>
        WriteAtomicallyAsync(paths.Directory, paths.LeaseTemp, paths.Lease, lease.ToBytes(), ReadOnlyMemory<byte>.Empty, cancellationToken);

    /// <summary>
    /// Temp file, flushed to disk, then renamed over the target. The temp name is fixed per key: the key's lock
    /// makes this the only writer, and a temp file a crash left behind is simply overwritten next time.
    /// </summary>
    private static async Task WriteAtomicallyAsync(
        string directory, string temp, string target, ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(head, cancellationToken);
            await stream.WriteAsync(body, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, target, overwrite: true);
    }

    private static StoredDataCorruptException DamagedHeader(string key) =>
        new(key, "the local object file has no valid header (was it edited or truncated by hand?)");

    /// <summary>Disk and permission failures mean the same to a caller as an unreachable service.</summary>
    private static async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException(
                string.Create(CultureInfo.InvariantCulture, $"The local store failed: {e.GetType().Name}: {e.Message}"), e);
        }
    }
}
