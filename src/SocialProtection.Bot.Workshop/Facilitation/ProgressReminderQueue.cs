using System.Threading.Channels;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Hands decided reminders to the <see cref="ProgressReminderService"/>, so the facilitator's press is answered at once
/// and the sends go out at Teams' pace. In memory: a batch cut short by a stop is not resent (its people count as
/// reminded until the interval passes, and the facilitator may press again then).
/// </summary>
internal sealed class ProgressReminderQueue
{
    private readonly Channel<ProgressReminderBatch> _channel = Channel.CreateUnbounded<ProgressReminderBatch>(new UnboundedChannelOptions { SingleReader = true });
    private int _unfinished;

    /// <summary>True when every queued batch has been sent (or given up).</summary>
    public bool IsIdle => Volatile.Read(ref _unfinished) == 0;

    public void Enqueue(ProgressReminderBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Interlocked.Increment(ref _unfinished);
        // Unbounded: a write only fails once the channel is completed, which this queue never is.
        _channel.Writer.TryWrite(batch);
    }

    public IAsyncEnumerable<ProgressReminderBatch> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    /// <summary>The service finished a batch.</summary>
    public void Done() => Interlocked.Decrement(ref _unfinished);
}
