using System.Diagnostics;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// Bounds how many requests the store has at Blob Storage at once; the rest wait their turn here, where the wait does
/// not count against a request's network timeout. Without it a burst of turns (2,000 participants pressing at the
/// same moment) queues inside the HTTP client, every queued request times out, and its retry adds to the burst.
/// Waiting requests are served oldest work first (<see cref="StorageRequestOrder"/>), not first come: a turn that began
/// earlier finishes before later turns start. A request that cannot get a slot within the queue timeout fails as
/// "storage unavailable", so nothing waits forever.
/// </summary>
internal sealed class BlobRequestGate(int slots, TimeSpan queueTimeout, StorageMetrics? metrics = null)
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<Waiter, (long Began, long Arrival)> _waiting = new();
    private readonly bool _bounded = slots > 0;
    private int _free = slots;
    private long _arrivals;

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public async ValueTask<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_bounded)
        {
            return default;
        }
        var started = Stopwatch.GetTimestamp();
        Waiter waiter;
        lock (_lock)
        {
            // A free slot means nobody is waiting (a freed slot goes straight to the oldest waiter), but for waiters that gave up.
            if (_free > 0)
            {
                _free--;
                metrics?.Queued(started);
                return new Slot(this);
            }
            waiter = new Waiter();
            _waiting.Enqueue(waiter, (StorageRequestOrder.Current ?? started, _arrivals++));
        }

        using (var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            giveUp.CancelAfter(queueTimeout);
            await using var registration = giveUp.Token.Register(static w => ((Waiter)w!).TrySetCanceled(), waiter);
            try
            {
                await waiter.Task;
            }
            catch (OperationCanceledException)
            {
                metrics?.Queued(started);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"No Blob Storage request slot came free within {queueTimeout.TotalSeconds:0.#} s.");
            }
        }
        metrics?.Queued(started);
        return new Slot(this);
    }

    /// <summary>Requests waiting for a slot (some may have given up already); for tests.</summary>
    internal int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    private void Release()
    {
        lock (_lock)
        {
            // Hand the slot to the oldest work still waiting; waiters that gave up are skipped.
            while (_waiting.TryDequeue(out var waiter, out _))
            {
                if (waiter.TrySetResult())
                {
                    return;
                }
            }
            _free++;
        }
    }

    public readonly struct Slot(BlobRequestGate? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }

    private sealed class Waiter() : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
}
