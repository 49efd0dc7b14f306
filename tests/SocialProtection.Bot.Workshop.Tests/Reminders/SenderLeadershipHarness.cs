using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Reminders;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// Bot instances with a <see cref="SenderLeadership"/> each, over one in-memory store and one fake clock (the store's
/// leases and the instances' pacers count on the same clock). Default options: a 30-s lease renewed every 10 s, a
/// retry every 5 s, a 20-s drain.
/// </summary>
internal sealed class SenderLeadershipHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    /// <summary>A term lasts the lease less the 3-s margin, unless renewed.</summary>
    public static readonly TimeSpan TermLength = TimeSpan.FromSeconds(27);

    /// <summary>How long handing back waits for senders to let go: the drain timeout (20 s) plus 5 s.</summary>
    public static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(25);

    /// <summary>The default longest per-conversation window under an hour: 30 s plus the 20-ms safety margin.</summary>
    public static readonly TimeSpan CoveredWindow = TimeSpan.FromMilliseconds(30_020);

    /// <summary>Real time any await in these tests may take: a bug fails the test instead of hanging it.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly List<SenderInstance> _instances = [];

    public SenderLeadershipHarness()
    {
        Objects = new InMemoryObjectStore(Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryObjectStore Objects { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>A bot instance (not started) over the shared objects, with its own pacer and store switches.</summary>
    public SenderInstance Instance(string id)
    {
        var clock = new ObservedClock(Time);
        var faults = new LeaseFaultStore(Objects.NewInstance());
        var store = new SwitchableStore(faults);
        var pacer = new TeamsSendPacer(new TeamsRateLimitOptions(), clock, new Random(7));
        var leadership = new SenderLeadership(
            store, pacer, Options.Create(new ReminderSchedulerOptions { InstanceId = id }), NullLogger<SenderLeadership>.Instance);
        var instance = new SenderInstance(leadership, pacer, clock, store, faults);
        _instances.Add(instance);
        return instance;
    }

    /// <summary>The pacing copy stored beside the lease, or null.</summary>
    public async Task<PacerSnapshot?> StoredSnapshotAsync() =>
        (await new JsonObjectStore(Objects, StoredJson.StoreOptions()).ReadAsync<PacerSnapshot>(SenderLeadership.PacingKey, CancellationToken.None))?.Value;

    public Task WriteSnapshotAsync(PacerSnapshot snapshot) =>
        new JsonObjectStore(Objects, StoredJson.StoreOptions()).WriteAsync(SenderLeadership.PacingKey, snapshot, WriteCondition.None, CancellationToken.None);

    /// <summary>Whether the sending lease is free at the store now (taken and given back at once to find out).</summary>
    public async Task<bool> LeaseIsFreeAsync()
    {
        var probe = await Objects.NewInstance().TryAcquireLeaseAsync(SenderLeadership.LeaseKey, LeaseDuration, CancellationToken.None);
        if (probe is null)
        {
            return false;
        }
        await probe.DisposeAsync();
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            // A test that failed with a hold still taken must not hang here as well.
            using var giveUp = new CancellationTokenSource(Bound);
            await instance.Leadership.StopAsync(giveUp.Token);
        }
    }
}

/// <summary>One bot instance's sending side: its leadership, pacer, view of the clock and store switches.</summary>
internal sealed record SenderInstance(
    SenderLeadership Leadership, TeamsSendPacer Pacer, ObservedClock Clock, SwitchableStore Store, LeaseFaultStore Faults)
{
    public Task StartAsync() => Leadership.StartAsync(CancellationToken.None);

    public Task StopAsync() => Leadership.StopAsync(CancellationToken.None);

    public Task<SenderHold> TermAsync() => Leadership.WaitForTermAsync(CancellationToken.None).WaitAsync(SenderLeadershipHarness.Bound);
}
