using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Reminders;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// The pacer's knowledge moving from one sending instance to the next (<see cref="TeamsSendPacer.Capture"/>,
/// <see cref="TeamsSendPacer.Restore"/>): after a clean hand-over Teams' windows go on counting the previous holder's
/// sends; after a crash the new holder waits out every window under an hour past the dead one's last possible send.
/// Snapshots go through the store's JSON, as the sending lease keeps them.
/// </summary>
public sealed class TeamsSendPacerRestoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    // The previous holder may have sent this long after its last snapshot (the lease length).
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Margin = new TeamsRateLimitOptions().SafetyMargin;

    private static TeamsSendPacer Pacer(FakeTimeProvider time, TeamsRateLimitOptions? options = null) =>
        new(options ?? new TeamsRateLimitOptions(), time, new Random(7));

    private static PacerSnapshot Stored(PacerSnapshot snapshot) =>
        JsonSerializer.Deserialize<PacerSnapshot>(JsonSerializer.Serialize(snapshot, StoredJson.Options), StoredJson.Options)!;

    [Fact]
    public void After_a_clean_hand_over_sends_go_at_once_but_a_conversation_the_previous_holder_filled_waits_for_its_window()
    {
        var time = new FakeTimeProvider(Start);
        var previous = Pacer(time);
        // Seven sends in the last second to one chat (each in its own tenant, so only the chat's windows count).
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(TimeSpan.Zero, previous.TryAcquire($"tenant-{i}", "chat"));
        }
        time.Advance(TimeSpan.FromMilliseconds(300));
        var snapshot = Stored(previous.Capture(final: true));

        var next = Pacer(time);
        Assert.Null(next.Restore(snapshot, Lease));
        Assert.Null(next.ThrottledUntil);
        Assert.Equal(TimeSpan.Zero, next.TryAcquire("tenant-a", "another-chat"));

        // The chat's 7 per second (plus the margin) counts the previous holder's sends: the eighth waits to the tick.
        var free = Start + TimeSpan.FromSeconds(1) + Margin;
        Assert.Equal(free - time.GetUtcNow(), next.TryAcquire("tenant-b", "chat"));
        time.SetUtcNow(free - TimeSpan.FromTicks(1));
        Assert.Equal(TimeSpan.FromTicks(1), next.TryAcquire("tenant-b", "chat"));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(TimeSpan.Zero, next.TryAcquire("tenant-b", "chat", out var takenAt));
        Assert.Equal(free, takenAt);
    }

    [Fact]
    public void After_a_clean_hand_over_the_per_app_window_counts_the_previous_holders_sends()
    {
        var options = new TeamsRateLimitOptions { PerAppPerSecond = 10 };
        var time = new FakeTimeProvider(Start);
        var previous = Pacer(time, options);
        // Ten sends over all tenants in one instant: the app's 10 per second is used up.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(TimeSpan.Zero, previous.TryAcquire($"tenant-{i}", $"chat-{i}"));
        }
        time.Advance(TimeSpan.FromMilliseconds(100));
        var snapshot = Stored(previous.Capture(final: true));

        var next = Pacer(time, options);
        Assert.Null(next.Restore(snapshot, Lease));
        Assert.Equal(Start + TimeSpan.FromSeconds(1) + Margin - time.GetUtcNow(), next.TryAcquire("tenant-new", "chat-new"));
    }

    [Fact]
    public void After_a_clean_hand_over_a_tenant_waits_for_its_next_slot_and_a_429_pause_goes_on()
    {
        var time = new FakeTimeProvider(Start);
        var previous = Pacer(time);
        Assert.Equal(TimeSpan.Zero, previous.TryAcquire("tenant-a", "chat-1"));
        time.Advance(TimeSpan.FromMilliseconds(10));
        var tenantSnapshot = Stored(previous.Capture(final: true));

        var next = Pacer(time);
        Assert.Null(next.Restore(tenantSnapshot, Lease));
        // 30 per second (plus the margin) per tenant: one send every 34 ms, from the previous holder's send on.
        var tenantSlot = Start + TimeSpan.FromTicks((long)Math.Ceiling((TimeSpan.TicksPerSecond + Margin.Ticks) / 30.0));
        Assert.Equal(tenantSlot - time.GetUtcNow(), next.TryAcquire("tenant-a", "chat-2"));
        Assert.Equal(TimeSpan.Zero, next.TryAcquire("tenant-b", "chat-3"));

        // Teams answered 429 with Retry-After 60 s just before the hand-over: the next holder waits it out too.
        previous.OnThrottled(TimeSpan.FromSeconds(60));
        var pausedUntil = time.GetUtcNow() + TimeSpan.FromSeconds(60);
        var throttledSnapshot = Stored(previous.Capture(final: true));
        var third = Pacer(time);
        Assert.Null(third.Restore(throttledSnapshot, Lease));
        Assert.Equal(pausedUntil, third.ThrottledUntil);
        Assert.Equal(pausedUntil - time.GetUtcNow(), third.TryAcquire("tenant-c", "chat-4"));
    }

    [Fact]
    public void After_a_crash_the_next_holder_waits_every_window_under_an_hour_past_the_last_moment_the_dead_one_could_have_sent()
    {
        var time = new FakeTimeProvider(Start);
        var previous = Pacer(time);
        Assert.Equal(TimeSpan.Zero, previous.TryAcquire("tenant-a", "chat"));
        time.Advance(TimeSpan.FromSeconds(2));
        var savedAt = time.GetUtcNow();
        var snapshot = Stored(previous.Capture(final: false));

        // The dead holder's lease ran out; another instance takes over 33 s after the snapshot.
        time.Advance(TimeSpan.FromSeconds(33));
        var next = Pacer(time);
        var until = savedAt + Lease + TimeSpan.FromSeconds(30) + Margin;
        Assert.Equal(until, next.Restore(snapshot, Lease));
        Assert.Equal(until, next.ThrottledUntil);

        Assert.Equal(until - time.GetUtcNow(), next.TryAcquire("tenant-b", "another-chat"));
        time.SetUtcNow(until - TimeSpan.FromTicks(1));
        Assert.Equal(TimeSpan.FromTicks(1), next.TryAcquire("tenant-b", "another-chat"));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(TimeSpan.Zero, next.TryAcquire("tenant-b", "another-chat", out var takenAt));
        Assert.Equal(until, takenAt);
        Assert.Null(next.ThrottledUntil);
    }

    [Fact]
    public void After_a_crash_a_window_of_an_hour_or_more_is_kept_from_the_snapshot_rather_than_waited_out()
    {
        var options = new TeamsRateLimitOptions
        {
            PerConversation = [new(1, TimeSpan.FromSeconds(1)), new(3, TimeSpan.FromHours(2))],
        };
        var time = new FakeTimeProvider(Start);
        var previous = Pacer(time, options);
        var first = Start;
        for (var sent = 0; sent < 3;)
        {
            var wait = previous.TryAcquire("tenant-a", "chat");
            if (wait == TimeSpan.Zero)
            {
                sent++;
            }
            else
            {
                time.Advance(wait);
            }
        }
        var snapshot = Stored(previous.Capture(final: false));

        time.Advance(Lease);
        var next = Pacer(time, options);
        // The pause covers the 1-s window only (the longest under an hour) ...
        var until = new DateTimeOffset(snapshot.SavedAt, TimeSpan.Zero) + Lease + TimeSpan.FromSeconds(1) + Margin;
        Assert.Equal(until, next.Restore(snapshot, Lease));
        time.SetUtcNow(until);
        Assert.Equal(TimeSpan.Zero, next.TryAcquire("tenant-b", "another-chat"));
        // ... and the chat's 3 per 2 hours still counts the three sends recorded in it.
        Assert.Equal(first + TimeSpan.FromHours(2) + Margin - time.GetUtcNow(), next.TryAcquire("tenant-c", "chat"));
    }

    [Fact]
    public void A_snapshot_from_a_crash_long_ago_holds_nothing_back()
    {
        var time = new FakeTimeProvider(Start);
        var previous = Pacer(time);
        Assert.Equal(TimeSpan.Zero, previous.TryAcquire("tenant-a", "chat"));
        var snapshot = Stored(previous.Capture(final: false));

        time.Advance(TimeSpan.FromMinutes(2));
        var next = Pacer(time);
        Assert.Null(next.Restore(snapshot, Lease));
        Assert.Null(next.ThrottledUntil);
        Assert.Equal(TimeSpan.Zero, next.TryAcquire("tenant-a", "chat"));
    }

    [Fact]
    public void Without_a_snapshot_the_first_holder_sends_at_once()
    {
        var time = new FakeTimeProvider(Start);
        var first = Pacer(time);

        Assert.Null(first.Restore(null, Lease));
        Assert.Null(first.ThrottledUntil);
        Assert.Equal(TimeSpan.Zero, first.TryAcquire("tenant-a", "chat"));
    }

    [Fact]
    public void A_restored_snapshot_adds_to_what_the_new_holder_already_sent()
    {
        var time = new FakeTimeProvider(Start);
        var previous = Pacer(time);
        var next = Pacer(time);
        // Four sends to the chat by each: seven would fill its second, eight its two seconds.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(TimeSpan.Zero, previous.TryAcquire($"tenant-p{i}", "chat"));
        }
        time.Advance(TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, next.TryAcquire($"tenant-n{i}", "chat"));
        }
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Null(next.Restore(Stored(previous.Capture(final: true)), Lease));
        // 4 + 3 = 7 in the last second: the chat waits until the oldest of the seven leaves the window.
        Assert.Equal(Start + TimeSpan.FromSeconds(1) + Margin - time.GetUtcNow(), next.TryAcquire("tenant-x", "chat"));
    }
}
