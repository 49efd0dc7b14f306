using SocialProtection.Bot.Storage;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// A store whose leases can be lost and whose writes can hang: with <see cref="RenewalsLost"/> set, a renewal answers
/// false, as Blob Storage does when the lease ran out and another holder took it; with <see cref="WritesWaitFor"/> set,
/// every write waits for that task first, as a request to a struggling store does. All else goes to the inner store.
/// </summary>
internal sealed class LeaseFaultStore(IObjectStore inner) : IObjectStore
{
    private volatile bool _renewalsLost;
    private volatile Task? _writesWaitFor;

    public bool RenewalsLost
    {
        get => _renewalsLost;
        set => _renewalsLost = value;
    }

    public Task? WritesWaitFor
    {
        get => _writesWaitFor;
        set => _writesWaitFor = value;
    }

    public Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public async Task<string> PutAsync(string key, BinaryData content, WriteCondition condition, CancellationToken cancellationToken)
    {
        if (WritesWaitFor is { } gate)
        {
            await gate;
        }
        return await inner.PutAsync(key, content, condition, cancellationToken);
    }

    public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken) => inner.DeleteAsync(key, ifMatch, cancellationToken);

    public async Task<IStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken) =>
        await inner.TryAcquireLeaseAsync(key, duration, cancellationToken) is { } lease ? new Lease(this, lease) : null;

    private sealed class Lease(LeaseFaultStore store, IStoreLease inner) : IStoreLease
    {
        public string Key => inner.Key;

        public Task<bool> RenewAsync(CancellationToken cancellationToken) =>
            store.RenewalsLost ? Task.FromResult(false) : inner.RenewAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
