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

    /// <summary>Writes of this one key fail like an unreachable store; the rest go through.</summary>
    public string? WritesFailFor { get; set; }

    public int Writes;

    private volatile HeldKey? _held;

    public ConcurrentQueue<string> KeysRead { get; } = new();

    /// <summary>The keys writes were asked for, in order, as they started (before any <see cref="Hold"/> let them through).</summary>
    public ConcurrentQueue<string> KeysWritten { get; } = new();

    /// <summary>
    /// Holds every write (and unless <paramref name="writesOnly"/>, every read) of the one key <paramref name="key"/>
    /// until the returned hold is released (or disposed): shows which other operations a turn starts meanwhile, i.e.
    /// which ones it does at the same time.
    /// </summary>
    public StoreHold Hold(string key, bool writesOnly = false)
    {
        var hold = new StoreHold();
        _held = new HeldKey(key, hold.Released, writesOnly);
        return hold;
    }

    public async Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!IsBookkeeping(key))
        {
            KeysRead.Enqueue(key);
        }
        await WaitIfHeldAsync(key, write: false);
        return ReadsFail ? throw new StorageUnavailableException("Storage is down (test).") : await inner.GetAsync(key, cancellationToken);
    }

    public async Task<string> PutAsync(string key, BinaryData content, WriteCondition condition, CancellationToken cancellationToken)
    {
        if (WritesFail || key == WritesFailFor)
        {
            throw new StorageUnavailableException("Storage is down (test).");
        }
        if (!IsBookkeeping(key))
        {
            KeysWritten.Enqueue(key);
            Interlocked.Increment(ref Writes);
        }
        await WaitIfHeldAsync(key, write: true);
        return await inner.PutAsync(key, content, condition, cancellationToken);
    }

    private Task WaitIfHeldAsync(string key, bool write) =>
        _held is { } held && held.Key == key && (write || !held.WritesOnly) ? held.Released : Task.CompletedTask;

    private sealed record HeldKey(string Key, Task Released, bool WritesOnly);

    private static bool IsBookkeeping(string key) => key.StartsWith("locks/", StringComparison.Ordinal);

    public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken) => inner.DeleteAsync(key, ifMatch, cancellationToken);

    public Task<IStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken) =>
        inner.TryAcquireLeaseAsync(key, duration, cancellationToken);
}

/// <summary>A key's reads and writes held back by <see cref="SwitchableStore.Hold"/> until <see cref="Release"/>.</summary>
internal sealed class StoreHold : IDisposable
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Released => _released.Task;

    public void Release() => _released.TrySetResult();

    public void Dispose() => Release();
}
