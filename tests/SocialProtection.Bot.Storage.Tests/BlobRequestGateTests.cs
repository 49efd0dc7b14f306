using System.Collections.Concurrent;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>
/// The bound on requests at Blob Storage at once: under a burst, a freed slot goes to the work that began first (so
/// turns finish in the order they arrived), a request that waits too long fails as unavailable, and no slot is lost.
/// </summary>
public sealed class BlobRequestGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_freed_slot_goes_to_the_request_whose_work_began_first_not_to_the_first_to_ask()
    {
        var gate = new BlobRequestGate(1, TimeSpan.FromSeconds(30));
        var held = await gate.EnterAsync(CancellationToken.None);
        var served = new ConcurrentQueue<string>();
        var askOlder = new TaskCompletionSource();

        // The older turn began first but asks for its next request (say, its write) after the newer turn asked.
        var older = Task.Run(async () =>
        {
            StorageRequestOrder.BeginWork();
            await askOlder.Task;
            using var slot = await gate.EnterAsync(CancellationToken.None);
            served.Enqueue("older");
        });
        await Task.Delay(20);
        var newer = Task.Run(async () =>
        {
            StorageRequestOrder.BeginWork();
            using var slot = await gate.EnterAsync(CancellationToken.None);
            served.Enqueue("newer");
        });
        await UntilAsync(() => gate.Waiting == 1);
        askOlder.SetResult();
        await UntilAsync(() => gate.Waiting == 2);

        held.Dispose();
        await Task.WhenAll(older, newer).WaitAsync(Patience);

        Assert.Equal(["older", "newer"], served);
    }

    [Fact]
    public async Task Requests_outside_any_work_are_served_in_the_order_they_asked()
    {
        var gate = new BlobRequestGate(1, TimeSpan.FromSeconds(30));
        var held = await gate.EnterAsync(CancellationToken.None);
        var served = new ConcurrentQueue<int>();
        var waiting = new List<Task>();
        for (var i = 0; i < 5; i++)
        {
            var n = i;
            waiting.Add(Task.Run(async () =>
            {
                using var slot = await gate.EnterAsync(CancellationToken.None);
                served.Enqueue(n);
            }));
            await UntilAsync(() => gate.Waiting == n + 1);
        }

        held.Dispose();
        await Task.WhenAll(waiting).WaitAsync(Patience);

        Assert.Equal([0, 1, 2, 3, 4], served);
    }

    [Fact]
    public async Task A_request_that_waits_past_the_queue_timeout_fails_and_its_place_is_not_lost()
    {
        var gate = new BlobRequestGate(1, TimeSpan.FromMilliseconds(200));
        var held = await gate.EnterAsync(CancellationToken.None);

        await Assert.ThrowsAsync<TimeoutException>(async () => await gate.EnterAsync(CancellationToken.None));
        held.Dispose();

        // The slot given back is free again at once, though the one who gave up was still in line.
        var again = gate.EnterAsync(CancellationToken.None);
        Assert.True(again.IsCompleted);
        (await again).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_throws_cancellation_and_leaves_the_slot_to_the_next()
    {
        var gate = new BlobRequestGate(1, TimeSpan.FromSeconds(30));
        var held = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var cancelled = gate.EnterAsync(cancel.Token).AsTask();
        var next = gate.EnterAsync(CancellationToken.None).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Dispose();
        (await next.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task No_more_than_the_slots_are_ever_in_use_under_a_burst()
    {
        var gate = new BlobRequestGate(4, TimeSpan.FromSeconds(30));
        var inUse = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            StorageRequestOrder.BeginWork();
            for (var step = 0; step < 3; step++)
            {
                using var slot = await gate.EnterAsync(CancellationToken.None);
                var now = Interlocked.Increment(ref inUse);
                InterlockedMax(ref most, now);
                await Task.Yield();
                Interlocked.Decrement(ref inUse);
            }
        }))).WaitAsync(Patience);

        Assert.InRange(most, 1, 4);
        Assert.Equal(0, gate.Waiting);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The waiters did not line up.");
            await Task.Delay(5);
        }
    }
}
