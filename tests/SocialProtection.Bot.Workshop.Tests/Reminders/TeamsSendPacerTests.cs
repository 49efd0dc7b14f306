using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class TeamsSendPacerTests
{
    private const string Tenant = "tenant-1";
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    private static TeamsSendPacer Pacer(FakeTimeProvider time, TeamsRateLimitOptions? options = null) =>
        new(options ?? new TeamsRateLimitOptions(), time, new Random(7));

    [Fact]
    public void A_long_run_over_many_conversations_never_exceeds_any_documented_window()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);
        var random = new Random(42);
        var sends = new Dictionary<string, List<DateTimeOffset>>();
        var all = new List<DateTimeOffset>();

        // 120 conversations, a few of them "hot" (a facilitator posting many cards into one channel).
        while (all.Count < 20_000)
        {
            var conversation = random.Next(10) < 4 ? $"hot-{random.Next(3)}" : $"c-{random.Next(120)}";
            var wait = pacer.TryAcquire(Tenant, conversation, out var takenAt);
            if (wait == TimeSpan.Zero)
            {
                Assert.Equal(time.GetUtcNow(), takenAt);
                (sends.TryGetValue(conversation, out var list) ? list : sends[conversation] = []).Add(takenAt);
                all.Add(takenAt);
            }
            else
            {
                Assert.True(wait > TimeSpan.Zero);
                time.Advance(TimeSpan.FromMilliseconds(random.Next(1, 40)));
            }
        }

        foreach (var (conversation, times) in sends)
        {
            Assert.Null(RateLimitAudit.FindViolation(conversation, times, RateLimitAudit.ConversationWindows));
        }

        Assert.Null(RateLimitAudit.FindViolation("tenant", all, [new RateWindow(30, TimeSpan.FromSeconds(1))]));
        Assert.True(sends.Keys.Count(k => k.StartsWith("c-", StringComparison.Ordinal)) > 100);
    }

    [Fact]
    public void One_busy_conversation_is_held_to_1800_sends_an_hour()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);
        var sends = new List<DateTimeOffset>();
        var end = Start.AddHours(3);

        while (time.GetUtcNow() < end)
        {
            var wait = pacer.TryAcquire(Tenant, "channel-1", out var takenAt);
            if (wait == TimeSpan.Zero)
            {
                sends.Add(takenAt);
            }
            else
            {
                time.Advance(wait);
            }
        }

        Assert.Null(RateLimitAudit.FindViolation("channel-1", sends, RateLimitAudit.ConversationWindows));
        // Bursting to the short windows first, the hour's budget is used up, then it refills: never more than 1800
        // an hour, and the pacer does use that budget.
        Assert.Equal(1800, RateLimitAudit.MaxInAnySpan(sends, TimeSpan.FromHours(1)));
        Assert.Equal(7, RateLimitAudit.MaxInAnySpan(sends, TimeSpan.FromSeconds(1)));
        Assert.Equal(8, RateLimitAudit.MaxInAnySpan(sends, TimeSpan.FromSeconds(2)));
        Assert.Equal(60, RateLimitAudit.MaxInAnySpan(sends, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Fan_out_to_many_partners_runs_at_the_tenant_limit_and_no_faster()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);
        var sends = new List<DateTimeOffset>();

        for (var partner = 0; partner < 3_000; partner++)
        {
            TimeSpan wait;
            DateTimeOffset takenAt;
            while ((wait = pacer.TryAcquire(Tenant, $"a:{partner}", out takenAt)) > TimeSpan.Zero)
            {
                time.Advance(wait);
            }

            sends.Add(takenAt);
        }

        var elapsed = sends[^1] - sends[0];
        var rate = (sends.Count - 1) / elapsed.TotalSeconds;
        Assert.Equal(30, RateLimitAudit.MaxInAnySpan(sends, TimeSpan.FromSeconds(1)));
        // 30 per (1 s + the 20 ms safety margin).
        Assert.InRange(rate, 29.3, 30.0);
    }

    [Fact]
    public void The_tenant_rate_is_configurable()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time, new TeamsRateLimitOptions { PerTenantPerSecond = 50 });
        var sends = new List<DateTimeOffset>();

        for (var partner = 0; partner < 500; partner++)
        {
            TimeSpan wait;
            DateTimeOffset takenAt;
            while ((wait = pacer.TryAcquire(Tenant, $"a:{partner}", out takenAt)) > TimeSpan.Zero)
            {
                time.Advance(wait);
            }

            sends.Add(takenAt);
        }

        Assert.Equal(50, RateLimitAudit.MaxInAnySpan(sends, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Tenants_are_paced_separately()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);

        Assert.Equal(TimeSpan.Zero, pacer.TryAcquire("tenant-a", "a:1"));
        Assert.True(pacer.TryAcquire("tenant-a", "a:2") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, pacer.TryAcquire("tenant-b", "b:1"));
    }

    [Fact]
    public void Many_concurrent_senders_never_exceed_any_window()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);
        var sends = new ConcurrentBag<(string Conversation, DateTimeOffset At)>();
        const int Senders = 8;
        const int PerSender = 150;
        var running = Senders;

        // Eight threads race for slots over six conversations while another thread moves the clock on.
        var clock = new Thread(() =>
        {
            while (Volatile.Read(ref running) > 0)
            {
                time.Advance(TimeSpan.FromMilliseconds(3));
                Thread.Sleep(0);
            }
        });
        var senders = Enumerable.Range(0, Senders).Select(s => new Thread(() =>
        {
            var random = new Random(s);
            var sent = 0;
            while (sent < PerSender)
            {
                var conversation = $"c-{random.Next(6)}";
                if (pacer.TryAcquire(Tenant, conversation, out var takenAt) == TimeSpan.Zero)
                {
                    sends.Add((conversation, takenAt));
                    sent++;
                }
                else
                {
                    Thread.Sleep(0);
                }
            }

            Interlocked.Decrement(ref running);
        })).ToList();

        clock.Start();
        senders.ForEach(t => t.Start());
        senders.ForEach(t => t.Join());
        clock.Join();

        Assert.Equal(Senders * PerSender, sends.Count);
        foreach (var group in sends.GroupBy(s => s.Conversation))
        {
            Assert.Null(RateLimitAudit.FindViolation(group.Key, [.. group.Select(g => g.At)], RateLimitAudit.ConversationWindows));
        }

        Assert.Null(RateLimitAudit.FindViolation("tenant", [.. sends.Select(s => s.At)], [new RateWindow(30, TimeSpan.FromSeconds(1))]));
    }

    [Fact]
    public async Task AcquireAsync_waits_on_the_clock_for_the_next_free_slot()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);
        for (var i = 0; i < 7; i++)
        {
            await pacer.AcquireAsync(Tenant, "c-1", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var eighth = pacer.AcquireAsync(Tenant, "c-1", CancellationToken.None).AsTask();
        Assert.False(eighth.IsCompleted);

        // The first of the seven was at Start; the eighth may go one second (and the safety margin) later.
        time.SetUtcNow(Start + TimeSpan.FromMilliseconds(1000));
        Assert.False(eighth.IsCompleted);
        time.SetUtcNow(Start + TimeSpan.FromMilliseconds(1020));
        await eighth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_429_with_Retry_After_pauses_every_conversation_until_it_has_passed()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);
        Assert.Equal(TimeSpan.Zero, pacer.TryAcquire(Tenant, "c-1"));

        var pause = pacer.OnThrottled(TimeSpan.FromSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), pause);
        Assert.Equal(Start.AddSeconds(12), pacer.ThrottledUntil);
        Assert.Equal(TimeSpan.FromSeconds(12), pacer.TryAcquire(Tenant, "c-2"));
        Assert.Equal(TimeSpan.FromSeconds(12), pacer.TryAcquire("another-tenant", "c-3"));
        time.Advance(TimeSpan.FromSeconds(11.9));
        Assert.True(pacer.TryAcquire(Tenant, "c-2") > TimeSpan.Zero);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(TimeSpan.Zero, pacer.TryAcquire(Tenant, "c-2"));
        Assert.Null(pacer.ThrottledUntil);
    }

    [Fact]
    public void A_later_shorter_Retry_After_does_not_cut_an_earlier_pause_short()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);

        pacer.OnThrottled(TimeSpan.FromSeconds(30));
        pacer.OnThrottled(TimeSpan.FromSeconds(2));

        Assert.Equal(Start.AddSeconds(30), pacer.ThrottledUntil);
    }

    [Fact]
    public void A_Retry_After_beyond_the_cap_is_capped()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time, new TeamsRateLimitOptions { MaxRetryAfter = TimeSpan.FromMinutes(5) });

        Assert.Equal(TimeSpan.FromMinutes(5), pacer.OnThrottled(TimeSpan.FromDays(2)));
    }

    [Fact]
    public void A_429_without_Retry_After_backs_off_doubling_with_jitter_until_a_send_succeeds()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);

        var pauses = Enumerable.Range(0, 8).Select(_ => pacer.OnThrottled(null)).ToList();

        // Each pause lies between half and all of 1 s, 2 s, 4 s, … capped at one minute.
        double[] ceilings = [1, 2, 4, 8, 16, 32, 60, 60];
        for (var i = 0; i < pauses.Count; i++)
        {
            Assert.InRange(pauses[i].TotalSeconds, ceilings[i] / 2, ceilings[i]);
        }

        Assert.True(pauses.Distinct().Count() > 1);
        pacer.OnSucceeded();
        Assert.InRange(pacer.OnThrottled(null).TotalSeconds, 0.5, 1);
    }
}
