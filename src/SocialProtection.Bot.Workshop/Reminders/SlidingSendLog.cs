using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>The times (UTC ticks) of the newest sends to one conversation, oldest first, at most as many as the largest window counts.</summary>
internal sealed class SlidingSendLog(int capacity)
{
    private long[] _ticks = new long[Math.Min(capacity, 8)];
    private int _start;

    public int Count { get; private set; }

    public long Newest => Count == 0 ? long.MinValue : FromNewest(1);

    /// <summary>The <paramref name="k"/>-th newest send time (1 = newest).</summary>
    public long FromNewest(int k) => _ticks[(_start + Count - k) % _ticks.Length];

    public void Add(long ticks)
    {
        if (Count == capacity)
        {
            _start = (_start + 1) % _ticks.Length;
            Count--;
        }
        else if (Count == _ticks.Length)
        {
            var grown = new long[Math.Min(capacity, _ticks.Length * 2)];
            for (var i = 0; i < Count; i++)
            {
                grown[i] = _ticks[(_start + i) % _ticks.Length];
            }

            _ticks = grown;
            _start = 0;
        }

        _ticks[(_start + Count) % _ticks.Length] = ticks;
        Count++;
    }
}
