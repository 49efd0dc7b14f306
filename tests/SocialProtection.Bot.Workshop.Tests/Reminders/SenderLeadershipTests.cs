using System.Threading.Channels;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Reminders;
using static SocialProtection.Bot.Workshop.Tests.Reminders.SenderLeadershipHarness;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// The sending lease alone (<see cref="SenderLeadership"/>): one sender at a time over one store, renewals, hand-over
/// on stop after the senders let go, lost leases, and the pacer's knowledge moving with the lease. Time is a fake
/// clock shared by the store's leases and the instances' pacers; each step waits for the background loops to park
/// in their delays before advancing it.
/// </summary>
public sealed class SenderLeadershipTests
{
    [Fact]
    public async Task Of_two_instances_only_the_lease_holder_gets_terms_and_it_keeps_them_by_renewing_every_third_of_the_lease()
    {
        await using var world = new SenderLeadershipHarness();
        var a = world.Instance("a");
        await a.StartAsync();
        using var hold = await a.TermAsync();
        var b = world.Instance("b");
        await b.StartAsync();
        using var stopWaiting = new CancellationTokenSource();
        var bTerm = b.Leadership.WaitForTermAsync(stopWaiting.Token);

        // A minute, well past a term's first 27 s, in steps of B's retry: B asks every 5 s and is refused.
        for (var step = 1; step <= 12; step++)
        {
            await a.Clock.WaitForTimerAsync(Renewal);
            await b.Clock.WaitForTimerAsync(Retry);
            world.Time.Advance(Retry);
            if (step % 2 == 0)
            {
                // Renewed: the pacing copy is saved at each renewal.
                await a.Clock.WaitForTimerAsync(Renewal);
                var copy = await world.StoredSnapshotAsync();
                Assert.NotNull(copy);
                Assert.Equal((Start + (Retry * step)).UtcTicks, copy.SavedAt);
                Assert.False(copy.Final);
            }
            Assert.True(a.Leadership.IsHolder);
            Assert.False(b.Leadership.IsHolder);
        }

        await b.Clock.WaitForTimerAsync(Retry);
        Assert.False(hold.Token.IsCancellationRequested);
        Assert.False(bTerm.IsCompleted);
        Assert.Equal(1, a.Leadership.Terms);
        Assert.Equal(0, b.Leadership.Terms);
        Assert.False(await world.LeaseIsFreeAsync());

        stopWaiting.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bTerm.WaitAsync(Bound));
    }

    [Fact]
    public async Task Stopping_the_holder_hands_the_lease_and_what_its_pacer_knew_to_the_other_within_the_retry_interval()
    {
        await using var world = new SenderLeadershipHarness();
        var a = world.Instance("a");
        await a.StartAsync();
        var aHold = await a.TermAsync();
        var b = world.Instance("b");
        await b.StartAsync();
        var bTerm = b.Leadership.WaitForTermAsync(CancellationToken.None);
        await b.Clock.WaitForTimerAsync(Retry);
        await a.Clock.WaitForTimerAsync(Renewal);

        // Half a second before B asks again, A sends 7 messages to one chat (each in its own tenant, so only the
        // chat's windows count): the chat's 7-per-second window is full.
        world.Time.Advance(TimeSpan.FromMilliseconds(4500));
        var sentAt = world.Now;
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(TimeSpan.Zero, a.Pacer.TryAcquire($"tenant-{i}", "chat"));
        }
        Assert.NotEqual(TimeSpan.Zero, a.Pacer.TryAcquire("tenant-x", "chat"));

        aHold.Dispose();
        await a.StopAsync().WaitAsync(Bound);
        var stoppedAt = world.Now;
        Assert.False(a.Leadership.IsHolder);
        Assert.True(await world.LeaseIsFreeAsync());
        var final = await world.StoredSnapshotAsync();
        Assert.NotNull(final);
        Assert.True(final.Final);
        Assert.Equal(7, final.Conversations["chat"].Length);

        // B takes the lease at its next try, 0.5 s later.
        await b.Clock.WaitForTimerAsync(Retry);
        world.Time.Advance(TimeSpan.FromMilliseconds(500));
        using var bHold = await bTerm.WaitAsync(Bound);
        Assert.True(b.Leadership.IsHolder);
        Assert.Equal(1, b.Leadership.Terms);
        Assert.Equal(1, a.Leadership.Terms);
        Assert.True(world.Now - stoppedAt <= Retry);

        // A handed back cleanly: B sends at once, but counts A's sends in the chat's windows.
        Assert.Null(b.Pacer.ThrottledUntil);
        Assert.Equal(TimeSpan.Zero, b.Pacer.TryAcquire("tenant-y", "another-chat"));
        Assert.Equal(sentAt + TimeSpan.FromMilliseconds(1020) - world.Now, b.Pacer.TryAcquire("tenant-z", "chat"));
    }

    [Fact]
    public async Task A_sender_still_holding_the_term_keeps_the_lease_from_being_handed_back_until_it_lets_go()
    {
        await using var world = new SenderLeadershipHarness();
        var a = world.Instance("a");
        await a.StartAsync();
        var hold = await a.TermAsync();
        var termEnded = new TaskCompletionSource();
        hold.Token.Register(() => termEnded.TrySetResult());

        var stop = a.StopAsync();

        // The term ends at once: the sender is told to stop sending ...
        await termEnded.Task.WaitAsync(Bound);
        Assert.False(a.Leadership.IsHolder);
        // ... but the lease stays with A while the sender finishes, up to just before the drain deadline.
        await a.Clock.WaitForTimerAsync(DrainWait);
        world.Time.Advance(DrainWait - TimeSpan.FromTicks(1));
        Assert.False(await world.LeaseIsFreeAsync());
        Assert.False(stop.IsCompleted);
        Assert.False((await world.StoredSnapshotAsync())!.Final);

        hold.Dispose();
        await stop.WaitAsync(Bound);
        Assert.True(await world.LeaseIsFreeAsync());
        var final = await world.StoredSnapshotAsync();
        Assert.True(final!.Final);
    }

    [Fact]
    public async Task A_drain_that_outlasts_the_last_renewal_leaves_no_final_copy_though_the_senders_let_go()
    {
        await using var world = new SenderLeadershipHarness();
        var a = world.Instance("a");
        await a.StartAsync();
        var hold = await a.TermAsync();
        // 9 s in, just before the first renewal: the term was bought for 27 s when it began.
        await a.Clock.WaitForTimerAsync(Renewal);
        world.Time.Advance(TimeSpan.FromSeconds(9));

        var stop = a.StopAsync();
        await a.Clock.WaitForTimerAsync(DrainWait);
        // The sender lets go 20 s into the drain, 29 s after the term began: the lease may be another's by now.
        world.Time.Advance(TimeSpan.FromSeconds(20));
        hold.Dispose();
        await stop.WaitAsync(Bound);

        var copy = await world.StoredSnapshotAsync();
        Assert.NotNull(copy);
        Assert.False(copy.Final);
    }

    [Fact]
    public async Task Senders_that_never_let_go_delay_the_hand_back_only_until_the_drain_deadline_and_the_next_holder_then_waits_them_out()
    {
        await using var world = new SenderLeadershipHarness();
        var a = world.Instance("a");
        await a.StartAsync();
        using var hold = await a.TermAsync();

        var stop = a.StopAsync();
        await a.Clock.WaitForTimerAsync(DrainWait);
        world.Time.Advance(DrainWait);
        await stop.WaitAsync(Bound);
        Assert.True(await world.LeaseIsFreeAsync());

        // The sender that did not let go may still send: the copy must not say that nothing unrecorded follows.
        var copy = await world.StoredSnapshotAsync();
        Assert.NotNull(copy);
        Assert.False(copy.Final);

        var b = world.Instance("b");
        await b.StartAsync();
        using var bHold = await b.TermAsync();
        Assert.Equal(new DateTimeOffset(copy.SavedAt, TimeSpan.Zero) + LeaseDuration + CoveredWindow, b.Pacer.ThrottledUntil);
    }

    [Fact]
    public async Task Send_while_leading_runs_the_sender_only_during_terms_cancels_it_when_a_term_ends_and_returns_when_stopping()
    {
        await using var world = new SenderLeadershipHarness();
        var a = world.Instance("a");
        await a.StartAsync();
        (await a.TermAsync()).Dispose();
        var b = world.Instance("b");
        await b.StartAsync();

        var calls = Channel.CreateUnbounded<(bool Holder, CancellationToken Token)>();
        using var stopping = new CancellationTokenSource();
        var sending = b.Leadership.SendWhileLeadingAsync(
            async token =>
            {
                calls.Writer.TryWrite((b.Leadership.IsHolder, token));
                await Task.Delay(Timeout.Infinite, token);
            },
            stopping.Token);
        // A sender stopped while it waits for a term returns too, without having sent.
        using var stoppingEarly = new CancellationTokenSource();
        var stoppedEarly = b.Leadership.SendWhileLeadingAsync(_ => throw new InvalidOperationException("Not a holder: must not send."), stoppingEarly.Token);

        // B does not hold the lease: nothing runs through two of its tries.
        for (var step = 0; step < 2; step++)
        {
            await a.Clock.WaitForTimerAsync(Renewal);
            await b.Clock.WaitForTimerAsync(Retry);
            world.Time.Advance(Retry);
        }
        await b.Clock.WaitForTimerAsync(Retry);
        Assert.False(calls.Reader.TryRead(out _));
        stoppingEarly.Cancel();
        await stoppedEarly.WaitAsync(Bound);

        // A hands back: B's sender runs, in B's term.
        await a.StopAsync().WaitAsync(Bound);
        world.Time.Advance(Retry);
        var first = await calls.Reader.ReadAsync().AsTask().WaitAsync(Bound);
        Assert.True(first.Holder);
        Assert.False(first.Token.IsCancellationRequested);

        // B's lease is lost at its next renewal: the sender is cancelled, and does not run again until B's next term.
        b.Faults.RenewalsLost = true;
        await b.Clock.WaitForTimerAsync(Renewal);
        world.Time.Advance(Renewal);
        var cancelled = new TaskCompletionSource();
        first.Token.Register(() => cancelled.TrySetResult());
        await cancelled.Task.WaitAsync(Bound);
        await b.Clock.WaitForTimerAsync(Retry);
        Assert.False(b.Leadership.IsHolder);
        Assert.False(calls.Reader.TryRead(out _));
        Assert.False(sending.IsCompleted);

        b.Faults.RenewalsLost = false;
        world.Time.Advance(Retry);
        var second = await calls.Reader.ReadAsync().AsTask().WaitAsync(Bound);
        Assert.True(second.Holder);
        Assert.Equal(2, b.Leadership.Terms);

        // Stopping the sender cancels its send and returns; B keeps its term for other senders.
        stopping.Cancel();
        await sending.WaitAsync(Bound);
        Assert.True(second.Token.IsCancellationRequested);
        Assert.True(b.Leadership.IsHolder);
    }

    [Fact]
    public async Task A_holder_that_cannot_save_its_pacing_copy_stops_sending_before_its_lease_can_run_out_and_leaves_no_final_copy()
    {
        await using var world = new SenderLeadershipHarness();
        var a = world.Instance("a");
        await a.StartAsync();
        var hold = await a.TermAsync();
        DateTimeOffset? endedAt = null;
        var termEnded = new TaskCompletionSource();
        hold.Token.Register(() =>
        {
            endedAt = world.Now;
            termEnded.TrySetResult();
        });

        // The store refuses writes at both renewals (the copy is saved first, so the lease is not renewed either).
        a.Store.WritesFail = true;
        for (var step = 0; step < 2; step++)
        {
            await a.Clock.WaitForTimerAsync(Renewal);
            world.Time.Advance(Renewal);
        }
        await a.Clock.WaitForTimerAsync(Renewal);
        Assert.True(a.Leadership.IsHolder);
        Assert.False(hold.Token.IsCancellationRequested);

        // The store is back before the term runs out, but there is no renewal before then: the term ends 3 s before
        // the lease (taken at the start, never renewed) could run out at the store.
        a.Store.WritesFail = false;
        world.Time.Advance(TermLength - (Renewal * 2) - TimeSpan.FromTicks(1));
        Assert.False(hold.Token.IsCancellationRequested);
        world.Time.Advance(TimeSpan.FromTicks(1));
        await termEnded.Task.WaitAsync(Bound);
        Assert.Equal(Start + TermLength, endedAt);
        Assert.False(a.Leadership.IsHolder);

        hold.Dispose();
        await a.Clock.WaitForTimerAsync(Retry);
        var copy = await world.StoredSnapshotAsync();
        Assert.NotNull(copy);
        Assert.False(copy.Final);
        Assert.Equal(Start.UtcTicks, copy.SavedAt);

        // It takes the lease again at its next try, and waits out what it may have sent as if another had died.
        world.Time.Advance(Retry);
        using var again = await a.TermAsync();
        Assert.Equal(2, a.Leadership.Terms);
        Assert.Equal(Start + LeaseDuration + CoveredWindow, a.Pacer.ThrottledUntil);
    }

    [Fact]
    public async Task A_lease_lost_at_a_renewal_ends_the_term_at_once_and_leaves_no_final_copy()
    {
        await using var world = new SenderLeadershipHarness();
        var a = world.Instance("a");
        await a.StartAsync();
        var hold = await a.TermAsync();
        var termEnded = new TaskCompletionSource();
        hold.Token.Register(() => termEnded.TrySetResult());

        a.Faults.RenewalsLost = true;
        await a.Clock.WaitForTimerAsync(Renewal);
        world.Time.Advance(Renewal);
        await termEnded.Task.WaitAsync(Bound);
        Assert.False(a.Leadership.IsHolder);

        hold.Dispose();
        await a.Clock.WaitForTimerAsync(Retry);
        var copy = await world.StoredSnapshotAsync();
        Assert.NotNull(copy);
        Assert.False(copy.Final);
        Assert.Equal((Start + Renewal).UtcTicks, copy.SavedAt);
    }

    [Fact]
    public async Task A_term_that_runs_out_while_a_renewal_hangs_makes_waiters_wait_for_the_next_term()
    {
        await using var world = new SenderLeadershipHarness();
        var a = world.Instance("a");
        await a.StartAsync();
        (await a.TermAsync()).Dispose();

        // The renewal's write hangs past the end of the term.
        var storeBack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Faults.WritesWaitFor = storeBack.Task;
        try
        {
            await a.Clock.WaitForTimerAsync(Renewal);
            world.Time.Advance(Renewal);
            await a.Clock.WaitForTimerAsync(TermLength);
            world.Time.Advance(TermLength - Renewal);
            Assert.False(a.Leadership.IsHolder);

            // A sender asking for a term now waits (it neither gets the ended term nor spins), and can be stopped.
            using var giveUp = new CancellationTokenSource();
            var stopped = Task.Run(() => a.Leadership.WaitForTermAsync(giveUp.Token));
            var next = Task.Run(() => a.Leadership.WaitForTermAsync(CancellationToken.None));
            giveUp.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.WaitAsync(Bound));
            Assert.False(next.IsCompleted);

            // The store answers: A hands the ended term back, takes the lease again at its next try, and the waiter gets that term.
            a.Faults.WritesWaitFor = null;
            storeBack.TrySetResult();
            await a.Clock.WaitForTimerAsync(Retry);
            world.Time.Advance(Retry);
            using var hold = await next.WaitAsync(Bound);
            Assert.Equal(2, a.Leadership.Terms);
            Assert.False(hold.Token.IsCancellationRequested);
        }
        finally
        {
            // A failing run must not leave the instance stuck in its write.
            storeBack.TrySetResult();
        }
    }

    [Fact]
    public async Task After_a_holder_died_the_next_takes_over_when_its_lease_runs_out_and_waits_out_the_windows_past_its_last_possible_send()
    {
        await using var world = new SenderLeadershipHarness();
        // A holder that died: its lease, never renewed nor released, and its last copy, not final.
        Assert.NotNull(await world.Objects.NewInstance().TryAcquireLeaseAsync(SenderLeadership.LeaseKey, LeaseDuration, CancellationToken.None));
        var savedAt = Start - TimeSpan.FromSeconds(4);
        await world.WriteSnapshotAsync(new PacerSnapshot
        {
            SavedAt = savedAt.UtcTicks,
            Conversations = new(StringComparer.Ordinal) { ["chat"] = [savedAt.UtcTicks] },
        });

        var b = world.Instance("b");
        await b.StartAsync();
        var bTerm = b.Leadership.WaitForTermAsync(CancellationToken.None);
        for (var step = 0; step < 5; step++)
        {
            await b.Clock.WaitForTimerAsync(Retry);
            world.Time.Advance(Retry);
            Assert.False(b.Leadership.IsHolder);
        }
        await b.Clock.WaitForTimerAsync(Retry);
        world.Time.Advance(Retry);
        using var hold = await bTerm.WaitAsync(Bound);
        Assert.Equal(Start + LeaseDuration, world.Now);

        // The dead holder may have sent until its copy's time plus a lease length; every window under an hour is waited out past that.
        var until = savedAt + LeaseDuration + CoveredWindow;
        Assert.Equal(until, b.Pacer.ThrottledUntil);
        Assert.Equal(until - world.Now, b.Pacer.TryAcquire("tenant-1", "another-chat"));
        var copy = await world.StoredSnapshotAsync();
        Assert.False(copy!.Final);
        Assert.Equal(world.Now.UtcTicks, copy.SavedAt);
        Assert.Equal(until.UtcTicks, copy.ThrottledUntil);
    }

    [Fact]
    public async Task An_unreadable_pacing_copy_counts_as_a_holder_that_died_just_now()
    {
        await using var world = new SenderLeadershipHarness();
        await world.Objects.PutAsync(SenderLeadership.PacingKey, BinaryData.FromString("{ not json"), WriteCondition.None, CancellationToken.None);

        var a = world.Instance("a");
        await a.StartAsync();
        using var hold = await a.TermAsync();

        Assert.Equal(Start + LeaseDuration + CoveredWindow, a.Pacer.ThrottledUntil);
    }
}
