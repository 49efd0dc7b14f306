using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Hands decided reminders to the <see cref="ProgressReminderService"/>, so the facilitator's press is answered at once
/// and the sends go out at Teams' pace, from the one instance that holds the sending lease. The batch is stored first
/// (<see cref="ProgressReminderJobStore"/>), then this instance's service is woken; the holder, whichever instance it
/// is, finds stored batches at its poll interval. A batch cut short by a stop is finished by the next holder.
/// </summary>
internal sealed class ProgressReminderQueue(ProgressReminderJobStore jobs, TimeProvider time)
{
    private readonly Channel<string> _wake = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _unfinished = new(StringComparer.Ordinal);

    /// <summary>True when every batch stored on this instance has been sent (or given up).</summary>
    public bool IsIdle => _unfinished.IsEmpty;

    /// <summary>Stores the batch of press <paramref name="pressId"/> for the sending instance, then wakes this instance's sender.</summary>
    public async Task EnqueueAsync(ProgressReminderBatch batch, string pressId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var id = ProgressReminderJobStore.JobId(batch.WorkshopId, pressId);
        _unfinished[id] = 0;
        try
        {
            await jobs.AddAsync(new PendingProgressReminders(id, batch, 0, time.GetUtcNow()), cancellationToken);
        }
        catch
        {
            _unfinished.TryRemove(id, out _);
            throw;
        }
        _wake.Writer.TryWrite(id);
    }

    /// <summary>Waits for a wake-up or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.Reader.WaitForWakeUpAsync(timeout, cancellationToken);

    /// <summary>The service finished the job <paramref name="id"/> (stored here or on another instance).</summary>
    public void Done(string id) => _unfinished.TryRemove(id, out _);
}
