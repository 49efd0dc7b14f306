namespace SocialProtection.Bot.Storage;

/// <summary>
/// Bounds how many requests the store has at Blob Storage at once; the rest wait their turn here, where the wait does
/// not count against a request's network timeout. Without it a burst of turns (2,000 participants pressing at the
/// same moment) queues inside the HTTP client, every queued request times out, and its retry adds to the burst.
/// A request that cannot get a slot within the queue timeout fails as "storage unavailable", so nothing waits forever.
/// </summary>
internal sealed class BlobRequestGate(int slots, TimeSpan queueTimeout, StorageMetrics? metrics = null)
{
    // Lives as long as the store, and no wait handle is ever taken from it, so it needs no disposing.
    private readonly SemaphoreSlim? _slots = slots > 0 ? new SemaphoreSlim(slots, slots) : null;

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public async ValueTask<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        if (_slots is null)
        {
            return default;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var entered = await _slots.WaitAsync(queueTimeout, cancellationToken);
        metrics?.Queued(started);
        if (!entered)
        {
            throw new TimeoutException($"No Blob Storage request slot came free within {queueTimeout.TotalSeconds:0.#} s.");
        }
        return new Slot(_slots);
    }

    public readonly struct Slot(SemaphoreSlim? slots) : IDisposable
    {
        public void Dispose() => slots?.Release();
    }
}
