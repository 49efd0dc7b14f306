namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Moving the pacer's knowledge from one sending instance to the next (see <see cref="SenderLeadership"/>).</summary>
internal sealed partial class TeamsSendPacer
{
    /// <summary>The sends inside the longest window, the tenant and app slots and the pause, as of now.</summary>
    internal PacerSnapshot Capture(bool final)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcTicks;
            var conversations = new Dictionary<string, long[]>(StringComparer.Ordinal);
            foreach (var (id, log) in _conversations)
            {
                if (log.Newest + _longestWindow <= now)
                {
                    continue;
                }
                var ticks = new List<long>(log.Count);
                for (var k = log.Count; k >= 1; k--)
                {
                    var at = log.FromNewest(k);
                    if (at + _longestWindow > now)
                    {
                        ticks.Add(at);
                    }
                }
                conversations[id] = [.. ticks];
            }

            return new PacerSnapshot
            {
                SavedAt = now,
                Final = final,
                Conversations = conversations,
                TenantNextSlots = _tenantNextSlot.Where(t => t.Value > now).ToDictionary(StringComparer.Ordinal),
                AppSends = _appLog is null ? [] : [.. Enumerable.Range(1, _appLog.Count).Select(k => _appLog.FromNewest(k)).Where(t => t + _appWindow > now).Reverse()],
                ThrottledUntil = _throttledUntil,
            };
        }
    }

    /// <summary>
    /// Takes over what the previous sender knew. When its snapshot is not <see cref="PacerSnapshot.Final"/>, it may have
    /// sent after saving it, for up to <paramref name="unrecordedFor"/> (its lease length): no unrecorded send is later
    /// than SavedAt + unrecordedFor, so every window shorter than an hour is kept by waiting the longest of them past
    /// that instant before sending. Returns until when sends wait for that reason (null: no wait).
    /// </summary>
    internal DateTimeOffset? Restore(PacerSnapshot? snapshot, TimeSpan unrecordedFor)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcTicks;
            long? pauseUntil = null;
            if (snapshot is null)
            {
                return null;
            }
            foreach (var (id, ticks) in snapshot.Conversations)
            {
                if (ticks.Length == 0)
                {
                    continue;
                }
                _conversations.TryGetValue(id, out var log);
                var restored = Merge(log, ticks, _longestWindow, _logCapacity, now);
                if (restored.Count == 0)
                {
                    continue;
                }
                _conversations[id] = restored;
            }
            foreach (var (tenant, slot) in snapshot.TenantNextSlots)
            {
                _tenantNextSlot[tenant] = Math.Max(slot, _tenantNextSlot.GetValueOrDefault(tenant, long.MinValue));
            }
            if (_appLog is not null)
            {
                _appLog = Merge(_appLog, snapshot.AppSends, _appWindow, _appLimit, now);
            }
            _throttledUntil = Math.Max(_throttledUntil, snapshot.ThrottledUntil);
            if (!snapshot.Final)
            {
                var lastUnrecorded = snapshot.SavedAt + Math.Max(0, unrecordedFor.Ticks);
                pauseUntil = lastUnrecorded + CoveredWindowTicks;
                _throttledUntil = Math.Max(_throttledUntil, pauseUntil.Value);
            }
            return pauseUntil is { } until && until > now ? new DateTimeOffset(until, TimeSpan.Zero) : null;
        }
    }

    /// <summary>
    /// The sends of <paramref name="log"/> and <paramref name="ticks"/> still inside <paramref name="window"/>, as one log,
    /// oldest first. Not deduplicated: two sends may share a tick, and a send counted twice only makes the pace safer.
    /// </summary>
    private static SlidingSendLog Merge(SlidingSendLog? log, long[] ticks, long window, int capacity, long now)
    {
        var known = log is null ? Enumerable.Empty<long>() : Enumerable.Range(1, log.Count).Select(k => log.FromNewest(k));
        var merged = new SlidingSendLog(capacity);
        foreach (var at in known.Concat(ticks).Where(t => t + window > now).Order().TakeLast(capacity))
        {
            merged.Add(at);
        }
        return merged;
    }

    /// <summary>
    /// The longest window a takeover waits out: every per-conversation window under an hour (the hourly one, 1,800 sends
    /// to one conversation, is kept from the snapshot; what a failed holder sent after its last snapshot is not in it).
    /// </summary>
    private long CoveredWindowTicks => _windows.Where(w => w.Ticks < TimeSpan.TicksPerHour).Select(w => w.Ticks).DefaultIfEmpty(TimeSpan.TicksPerSecond).Max();
}
