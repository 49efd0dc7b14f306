using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Keeps proactive sends within Teams' documented bot limits: every per-conversation window (a sliding log of the
/// conversation's recent sends), a per-tenant rate (a token bucket in its exact, integer "virtual scheduling"
/// form), and a shared "throttled until" that any 429 sets for everyone (Retry-After when given, else a doubling
/// pause with jitter). A slot is reserved atomically, so any number of concurrent senders stay within every window.
/// Pure logic over a <see cref="TimeProvider"/>: with a fake clock its decisions are exact. A per-app rate over all
/// tenants together (Teams' global limit) is kept the same way. Its state moves between instances with the sending
/// lease (<see cref="SenderLeadership"/>, TeamsSendPacer.Snapshot.cs), so several instances never pace separately.
/// </summary>
internal sealed partial class TeamsSendPacer
{
    private const int SweepEvery = 4096;

    private readonly TeamsRateLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SlidingSendLog> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _tenantNextSlot = new(StringComparer.Ordinal);
    private readonly (int Limit, long Ticks)[] _windows;
    private readonly int _logCapacity;
    private readonly long _longestWindow;
    private readonly long _tenantInterval;
    private readonly int _appLimit;
    private readonly long _appWindow;
    private SlidingSendLog? _appLog;
    private long _throttledUntil = long.MinValue;
    private int _throttlesInARow;
    private int _sinceSweep;

    public TeamsSendPacer(TeamsRateLimitOptions options, TimeProvider time, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.PerConversation.Count == 0 || options.PerConversation.Any(w => w.Limit < 1 || w.Period <= TimeSpan.Zero))
        {
            throw new ArgumentException("Each per-conversation window needs a positive limit and period.", nameof(options));
        }

        if (options.PerTenantPerSecond < 1)
        {
            throw new ArgumentException("The per-tenant rate must be at least one request per second.", nameof(options));
        }

        _options = options;
        _time = time;
        _random = random ?? Random.Shared;
        var margin = Math.Max(0, options.SafetyMargin.Ticks);
        _windows = [.. options.PerConversation.Select(w => (w.Limit, w.Period.Ticks + margin))];
        _logCapacity = _windows.Max(w => w.Limit);
        _longestWindow = _windows.Max(w => w.Ticks);

        // One token every interval and a bucket of one: no span of a second (plus the margin) ever holds more than the limit.
        _tenantInterval = (long)Math.Ceiling((TimeSpan.TicksPerSecond + margin) / options.PerTenantPerSecond);
        // Over all tenants, a sliding window like the per-conversation ones: at most the limit in any second (plus the margin).
        _appLimit = (int)Math.Floor(options.PerAppPerSecond);
        _appWindow = TimeSpan.TicksPerSecond + margin;
        _appLog = _appLimit >= 1 ? new SlidingSendLog(_appLimit) : null;
    }

    /// <summary>The clock the pacer counts on (the sending lease keeps its terms on the same one).</summary>
    internal TimeProvider Time => _time;

    /// <summary>Until when every send waits because Teams answered 429; null when not throttled.</summary>
    public DateTimeOffset? ThrottledUntil
    {
        get
        {
            lock (_gate)
            {
                return _throttledUntil > _time.GetUtcNow().UtcTicks ? new DateTimeOffset(_throttledUntil, TimeSpan.Zero) : null;
            }
        }
    }

    /// <summary>
    /// Takes a send slot for <paramref name="conversationId"/> in <paramref name="tenantId"/> if one is free now and
    /// returns <see cref="TimeSpan.Zero"/> (the caller must then send); otherwise takes nothing and returns how
    /// long to wait before asking again.
    /// </summary>
    public TimeSpan TryAcquire(string? tenantId, string conversationId) => TryAcquire(tenantId, conversationId, out _);

    /// <summary>As <see cref="TryAcquire(string?, string)"/>, also giving the instant the slot was taken at (for exact checks in tests).</summary>
    internal TimeSpan TryAcquire(string? tenantId, string conversationId, out DateTimeOffset takenAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        takenAt = default;
        var tenant = tenantId ?? "";
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcTicks;
            var earliest = _throttledUntil;

            _conversations.TryGetValue(conversationId, out var log);
            if (log is not null)
            {
                foreach (var (limit, ticks) in _windows)
                {
                    if (log.Count >= limit)
                    {
                        earliest = Math.Max(earliest, log.FromNewest(limit) + ticks);
                    }
                }
            }

            if (_tenantNextSlot.TryGetValue(tenant, out var tenantSlot))
            {
                earliest = Math.Max(earliest, tenantSlot);
            }

            if (_appLog is { } app && app.Count >= _appLimit)
            {
                earliest = Math.Max(earliest, app.FromNewest(_appLimit) + _appWindow);
            }

            if (earliest > now)
            {
                return TimeSpan.FromTicks(earliest - now);
            }

            if (log is null)
            {
                log = new SlidingSendLog(_logCapacity);
                _conversations[conversationId] = log;
            }

            log.Add(now);
            takenAt = new DateTimeOffset(now, TimeSpan.Zero);
            _tenantNextSlot[tenant] = Math.Max(tenantSlot, now) + _tenantInterval;
            _appLog?.Add(now);
            if (++_sinceSweep >= SweepEvery)
            {
                Sweep(now);
            }

            return TimeSpan.Zero;
        }
    }

    /// <summary>Waits for and takes a send slot; the caller sends right after.</summary>
    public async ValueTask AcquireAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryAcquire(tenantId, conversationId);
            if (wait == TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>
    /// Teams answered 429: every sender pauses for <paramref name="retryAfter"/> (capped), or, when the answer named
    /// none, for a pause that doubles with each 429 in a row, with jitter. Returns the pause applied.
    /// </summary>
    public TimeSpan OnThrottled(TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            _throttlesInARow++;
            TimeSpan pause;
            if (retryAfter is { } given && given > TimeSpan.Zero)
            {
                pause = given < _options.MaxRetryAfter ? given : _options.MaxRetryAfter;
            }
            else
            {
                var ceiling = Math.Min(
                    _options.MaxThrottlePause.Ticks,
                    _options.FirstThrottlePause.Ticks * Math.Pow(2, Math.Min(_throttlesInARow - 1, 30)));
                // Equal jitter: at least half the pause, so senders never come back all at once nor too early.
                pause = TimeSpan.FromTicks((long)(ceiling / 2 + (_random.NextDouble() * ceiling / 2)));
            }

            _throttledUntil = Math.Max(_throttledUntil, _time.GetUtcNow().UtcTicks + pause.Ticks);
            return pause;
        }
    }

    /// <summary>A send went through: the next 429 without Retry-After starts from the shortest pause again.</summary>
    public void OnSucceeded()
    {
        lock (_gate)
        {
            _throttlesInARow = 0;
        }
    }

    /// <summary>Forgets conversations and tenants with no send inside any window, so memory stays bounded over a long run.</summary>
    private void Sweep(long now)
    {
        _sinceSweep = 0;
        var idle = _conversations.Where(c => c.Value.Newest + _longestWindow <= now).Select(c => c.Key).ToList();
        foreach (var key in idle)
        {
            _conversations.Remove(key);
        }

        var idleTenants = _tenantNextSlot.Where(t => t.Value <= now).Select(t => t.Key).ToList();
        foreach (var key in idleTenants)
        {
            _tenantNextSlot.Remove(key);
        }
    }
}
