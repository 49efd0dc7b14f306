using System.Collections.Concurrent;
using SocialProtection.Bot.Storage;

namespace SocialProtection.Bot.Workshop.Tests.TestBot;

/// <summary>
/// A real store that can be made to fail like an unreachable Blob Storage, for reads, writes or both, and that
/// remembers which keys turns read and how many objects they wrote. The sending lease's own bookkeeping (under
/// <c>locks/</c>) runs on its own schedule in the background and is not counted.
/// </summary>
internal sealed class SwitchableStore(IObjectStore inner) : IObjectStore
{
    public bool ReadsFail { get; set; }

    public bool WritesFail { get; set; }

    public int Writes;

    public ConcurrentQueue<string> KeysRead { get; } = new();

    public Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!IsBookkeeping(key))
        {
            KeysRead.Enqueue(key);
        }
        return ReadsFail ? throw new StorageUnavailableException("Storage is down (test).") : inner.GetAsync(key, cancellationToken);
    }

    public Task<string> PutAsync(string key, BinaryData content, WriteCondition condition, CancellationToken cancellationToken)
    {
        if (WritesFail)
        {
            throw new StorageUnavailableException("Storage is down (test).");
        }
        if (!IsBookkeeping(key))
        {
            Interlocked.Increment(ref Writes);
        }
        return inner.PutAsync(key, content, condition, cancellationToken);
    }

    private static bool IsBookkeeping(string key) => key.StartsWith("locks/", StringComparison.Ordinal);

    public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken) => inner.DeleteAsync(key, ifMatch, cancellationToken);

    public Task<IStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken) =>
        inner.TryAcquireLeaseAsync(key, duration, cancellationToken);
}
