using System.Runtime.CompilerServices;
using SocialProtection.Bot.Storage;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// The object store contract in memory (conditional writes with ETags, ordered listing, key checks, leases), for
/// fast tests; it runs the same contract suite as the Blob and local-disk stores. <see cref="NewInstance"/> is a
/// second bot instance over the same objects; <see cref="FailNext"/> makes the next calls fail as an unreachable
/// store would. Times (last modified, lease expiry) come from the given clock.
/// </summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    private static readonly TimeSpan MinLease = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxLease = TimeSpan.FromSeconds(60);

    private readonly Objects _data;
    private readonly TimeProvider _time;
    private int _failures;

    public InMemoryObjectStore(TimeProvider? time = null)
        : this(new Objects(), time ?? TimeProvider.System)
    {
    }

    private InMemoryObjectStore(Objects data, TimeProvider time)
    {
        _data = data;
        _time = time;
    }

    public int Count
    {
        get
        {
            lock (_data.Gate)
            {
                return _data.Stored.Count;
            }
        }
    }

    /// <summary>Another store instance over the same objects and leases, as a second bot process sees them.</summary>
    public InMemoryObjectStore NewInstance() => new(_data, _time);

    public void FailNext(int calls) => Interlocked.Exchange(ref _failures, calls);

    public IReadOnlyList<string> Keys(string prefix)
    {
        lock (_data.Gate)
        {
            return [.. _data.Stored.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];
        }
    }

    public Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        MaybeFail();
        lock (_data.Gate)
        {
            return Task.FromResult(_data.Stored.GetValueOrDefault(key));
        }
    }

    public Task<string> PutAsync(string key, BinaryData content, WriteCondition condition, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        MaybeFail();
        lock (_data.Gate)
        {
            var exists = _data.Stored.TryGetValue(key, out var current);
            var allowed = condition.Kind switch
            {
                WriteConditionKind.None => true,
                WriteConditionKind.IfNotExists => !exists,
                WriteConditionKind.IfMatch => exists && string.Equals(current!.ETag, condition.ETag, StringComparison.Ordinal),
                _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown write condition."),
            };
            if (!allowed || IsLeased(key))
            {
                throw new PreconditionFailedException(key);
            }

            return Task.FromResult(Write(key, content.ToArray()));
        }
    }

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ValidatePrefix(prefix);
        MaybeFail();
        List<StoredObjectInfo> page;
        lock (_data.Gate)
        {
            page = [.. _data.Stored.Values
                .Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(o => new StoredObjectInfo(o.Key, o.ETag, o.LastModified, o.Content.ToMemory().Length))];
        }

        foreach (var info in page)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return info;
        }

        await Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        MaybeFail();
        lock (_data.Gate)
        {
            if (!_data.Stored.TryGetValue(key, out var current))
            {
                return Task.FromResult(false);
            }

            if ((ifMatch is not null && !string.Equals(current.ETag, ifMatch, StringComparison.Ordinal)) || IsLeased(key))
            {
                throw new PreconditionFailedException(key);
            }

            _data.Stored.Remove(key);
            _data.Leases.Remove(key); // an expired lease goes with its object, as in Blob Storage
            return Task.FromResult(true);
        }
    }

    public Task<IStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        if (duration < MinLease || duration > MaxLease)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts from 15 to 60 seconds.");
        }

        MaybeFail();
        lock (_data.Gate)
        {
            if (IsLeased(key))
            {
                return Task.FromResult<IStoreLease?>(null);
            }

            if (!_data.Stored.ContainsKey(key))
            {
                Write(key, []);
            }

            var leaseId = Guid.NewGuid().ToString("N");
            _data.Leases[key] = new Lease(leaseId, _time.GetUtcNow() + duration);
            return Task.FromResult<IStoreLease?>(new InMemoryLease(this, key, leaseId, duration));
        }
    }

    /// <summary>
    /// A listing prefix: empty, or whole key segments followed by an optional partial last segment, as
    /// <see cref="StorageKey"/> allows them.
    /// </summary>
    private static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > StorageKey.MaxKeyLength)
        {
            throw new ArgumentException($"A prefix has at most {StorageKey.MaxKeyLength} characters.", nameof(prefix));
        }

        var cut = prefix.LastIndexOf('/');
        if (cut >= 0)
        {
            StorageKey.Validate(prefix[..cut], nameof(prefix));
        }

        var last = prefix[(cut + 1)..];
        if (last.Length > StorageKey.MaxSegmentLength || last.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-')))
        {
            throw new ArgumentException("A prefix may only contain the characters A-Z, a-z, 0-9, '.', '_', '-' and '/' between segments.", nameof(prefix));
        }
    }

    // Callers hold the gate.
    private string Write(string key, byte[] content)
    {
        var etag = "\"" + (++_data.Version) + "\"";
        _data.Stored[key] = new StoredObject(key, BinaryData.FromBytes(content), etag, _time.GetUtcNow());
        return etag;
    }

    // Callers hold the gate.
    private bool IsLeased(string key) => _data.Leases.TryGetValue(key, out var lease) && lease.ExpiresAt > _time.GetUtcNow();

    private bool Renew(string key, string leaseId, TimeSpan duration)
    {
        MaybeFail();
        lock (_data.Gate)
        {
            if (!_data.Leases.TryGetValue(key, out var current) || current.LeaseId != leaseId)
            {
                return false;
            }

            _data.Leases[key] = current with { ExpiresAt = _time.GetUtcNow() + duration };
            return true;
        }
    }

    private void Release(string key, string leaseId)
    {
        lock (_data.Gate)
        {
            if (_data.Leases.TryGetValue(key, out var current) && current.LeaseId == leaseId)
            {
                _data.Leases.Remove(key);
            }
        }
    }

    private void MaybeFail()
    {
        if (Volatile.Read(ref _failures) > 0 && Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new StorageUnavailableException("The in-memory store was told to fail.");
        }
    }

    /// <summary>What every instance over the same data shares.</summary>
    private sealed class Objects
    {
        public Lock Gate { get; } = new();

        public SortedDictionary<string, StoredObject> Stored { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Lease> Leases { get; } = new(StringComparer.Ordinal);

        public long Version { get; set; }
    }

    private sealed record Lease(string LeaseId, DateTimeOffset ExpiresAt);

    private sealed class InMemoryLease(InMemoryObjectStore store, string key, string leaseId, TimeSpan duration) : IStoreLease
    {
        private int _released;

        public string Key { get; } = key;

        public Task<bool> RenewAsync(CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) != 0, this);
            return Task.FromResult(store.Renew(Key, leaseId, duration));
        }

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                store.Release(Key, leaseId);
            }

            return ValueTask.CompletedTask;
        }
    }
}
