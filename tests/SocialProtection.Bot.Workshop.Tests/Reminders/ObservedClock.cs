using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// One bot instance's view of a shared <see cref="FakeTimeProvider"/> that knows which of its timers are waiting. A
/// background loop parks in a delay on the clock; advancing the clock before that delay exists would be lost on it,
/// so tests wait for the delay (<see cref="WaitForTimerAsync"/>) and only then advance.
/// </summary>
internal sealed class ObservedClock(FakeTimeProvider time) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<ObservedTimer> _waiting = [];

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override long GetTimestamp() => time.GetTimestamp();

    public override long TimestampFrequency => time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(this);
        timer.Set(dueTime, period);
        timer.Inner = time.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            dueTime,
            period);
        return timer;
    }

    /// <summary>True while a timer of this instance, last set to <paramref name="dueTime"/>, has not fired yet.</summary>
    public bool IsWaiting(TimeSpan dueTime)
    {
        lock (_gate)
        {
            return _waiting.Any(t => t.Due == dueTime);
        }
    }

    /// <summary>Waits (in real time, at most 10 s) until a timer set to <paramref name="dueTime"/> is waiting.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        var watch = Stopwatch.StartNew();
        while (!IsWaiting(dueTime))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"No timer of {dueTime} is waiting at {GetUtcNow():O}.");
            }
            await Task.Delay(1);
        }
    }

    private sealed class ObservedTimer(ObservedClock clock) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer? Inner { get; set; }

        public TimeSpan? Due { get; private set; }

        public void Set(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    Due = null;
                    clock._waiting.Remove(this);
                }
                else
                {
                    Due = dueTime;
                    clock._waiting.Add(this);
                }
            }
        }

        public void Fired()
        {
            lock (clock._gate)
            {
                if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero)
                {
                    Due = null;
                    clock._waiting.Remove(this);
                }
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Set(dueTime, period);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            Set(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
