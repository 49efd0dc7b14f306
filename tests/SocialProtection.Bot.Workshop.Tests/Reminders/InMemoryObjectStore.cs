using System.Runtime.CompilerServices;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// The object store contract in memory (conditional writes with ETags, ordered listing), for fast scheduler tests
/// with thousands of reminders. <see cref="FailNext"/> makes the next calls fail as an unreachable store would.
/// </summary>
internal sealed class InMemoryObjectStore : IObjectStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, StoredObject> _objects = new(StringComparer.Ordinal);
    private long _version;
    private int _failures;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

    public void FailNext(int calls) => Interlocked.Exchange(ref _failures, calls);

    public IReadOnlyList<string> Keys(string prefix)
    {
        lock (_gate)
        {
            return [.. _objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];
        }
    }

    public Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        MaybeFail();
        lock (_gate)
        {
            return Task.FromResult(_objects.GetValueOrDefault(key));
        }
    }

    public Task<string> PutAsync(string key, BinaryData content, WriteCondition condition, CancellationToken cancellationToken)
    {
        StorageKey.Validate(key);
        MaybeFail();
        lock (_gate)
        {
            var exists = _objects.TryGetValue(key, out var current);
            var allowed = condition.Kind switch
            {
                WriteConditionKind.IfNotExists => !exists,
                WriteConditionKind.IfMatch => exists && current!.ETag == condition.ETag,
                _ => true,
            };
            if (!allowed)
            {
                throw new PreconditionFailedException(key);
            }

            var etag = "\"" + (++_version) + "\"";
            _objects[key] = new StoredObject(key, BinaryData.FromBytes(content.ToArray()), etag, DateTimeOffset.UtcNow);
            return Task.FromResult(etag);
        }
    }

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        MaybeFail();
        List<StoredObjectInfo> page;
        lock (_gate)
        {
            page = [.. _objects.Values
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
        MaybeFail();
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out var current))
            {
                return Task.FromResult(false);
            }

            if (ifMatch is not null && current.ETag != ifMatch)
            {
                throw new PreconditionFailedException(key);
            }

            _objects.Remove(key);
            return Task.FromResult(true);
        }
    }

    public Task<IStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The reminder tests use no leases.");

    private void MaybeFail()
    {
        if (Volatile.Read(ref _failures) > 0 && Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new StorageUnavailableException("The in-memory store was told to fail.");
        }
    }
}
