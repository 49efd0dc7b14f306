using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Tests.DataRights;

public sealed class RetentionTests : IDisposable
{
    private const string ClosedLongAgo = "ws-closed-long-ago";
    private const string ClosedRecently = "ws-closed-recently";
    private const string Open = "ws-open";

    private readonly BotWorld _world = DataRightsSeeds.NewWorld(new Dictionary<string, string?> { ["Workshop:RetentionDays"] = "90" });

    public void Dispose() => _world.Dispose();

    private async Task SeedAsync()
    {
        var now = _world.Time.GetUtcNow();
        await _world.PutPlanAsync(ClosedLongAgo, ["f"], closedAt: now.AddDays(-91), channelId: null);
        await _world.PutPlanAsync(ClosedRecently, ["f"], closedAt: now.AddDays(-89), channelId: null);
        await _world.PutPlanAsync(Open, ["f"], closedAt: null, channelId: null);
        foreach (var workshop in new[] { ClosedLongAgo, ClosedRecently, Open })
        {
            foreach (var user in new[] { "user-a", "user-b", "user-c" })
            {
                await _world.PutParticipantAsync(workshop, user, DataRightsSeeds.Record(workshop, "คำตอบ " + user, "จุดคานงัด " + user));
            }
            await _world.PostSummaryAsync(workshop, "user-a", "user-b", "user-c");
        }
    }

    private async Task<int> ParticipantsAsync(string workshop) => (await _world.KeysAsync(WorkshopKeys.ParticipantsPrefix(workshop))).Count;

    [Fact]
    public async Task Raw_answers_of_a_workshop_closed_longer_ago_than_the_retention_period_are_deleted_and_its_summary_kept()
    {
        await SeedAsync();

        var pass = await _world.Get<RetentionSweep>().RunAsync(CancellationToken.None);

        Assert.True(pass.Ran);
        Assert.Equal(1, pass.WorkshopsSwept);
        Assert.Equal(3, pass.RecordsDeleted);
        Assert.Equal(0, await ParticipantsAsync(ClosedLongAgo));
        Assert.NotNull(await _world.Get<GroupSummaryStore>().GetAsync(ClosedLongAgo, null, CancellationToken.None));
        Assert.Equal(3, await ParticipantsAsync(ClosedRecently));
        Assert.Equal(3, await ParticipantsAsync(Open));
    }

    [Fact]
    public async Task A_recently_closed_workshop_is_swept_once_its_retention_period_has_passed()
    {
        await SeedAsync();
        await _world.Get<RetentionSweep>().RunAsync(CancellationToken.None);

        _world.Time.Advance(TimeSpan.FromDays(2));
        var pass = await _world.Get<RetentionSweep>().RunAsync(CancellationToken.None);

        Assert.Equal(3, pass.RecordsDeleted);
        Assert.Equal(0, await ParticipantsAsync(ClosedRecently));
        Assert.Equal(3, await ParticipantsAsync(Open));
    }

    [Fact]
    public async Task An_open_workshop_is_never_swept_however_old()
    {
        await SeedAsync();
        _world.Time.Advance(TimeSpan.FromDays(3650));

        await _world.Get<RetentionSweep>().RunAsync(CancellationToken.None);

        Assert.Equal(3, await ParticipantsAsync(Open));
    }

    [Fact]
    public async Task While_another_instance_holds_the_lease_a_pass_deletes_nothing()
    {
        await SeedAsync();
        await using var other = await _world.Store.TryAcquireLeaseAsync(RetentionSweep.LeaseKey, TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.NotNull(other);

        var pass = await _world.Get<RetentionSweep>().RunAsync(CancellationToken.None);

        Assert.False(pass.Ran);
        Assert.Equal(3, await ParticipantsAsync(ClosedLongAgo));
    }

    [Fact]
    public async Task Two_instances_starting_a_pass_at_once_sweep_it_only_once()
    {
        await SeedAsync();
        // Both instances share the store; the first one's listing waits until the second has tried to start.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Sweep(new GatedListingStore(_world.Store, waiting, gate.Task));
        var second = Sweep(_world.Store);

        var firstRun = first.RunAsync(CancellationToken.None);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var secondPass = await second.RunAsync(CancellationToken.None);
        gate.SetResult();
        var firstPass = await firstRun;

        Assert.True(firstPass.Ran);
        Assert.False(secondPass.Ran);
        Assert.Equal(3, firstPass.RecordsDeleted);
        Assert.Equal(0, await ParticipantsAsync(ClosedLongAgo));
    }

    [Fact]
    public async Task A_workshop_its_facilitators_closed_is_swept_after_the_period_and_an_open_one_never()
    {
        var now = _world.Time.GetUtcNow();
        await _world.PutWorkshopAsync("ws-rec-closed", AnswerVisibility.Anonymous, ["f"], WorkshopStatus.Closed, now.AddDays(-100), channelId: "19:a@thread.tacv2");
        await _world.PutWorkshopAsync("ws-rec-open", AnswerVisibility.Anonymous, ["f"], WorkshopStatus.Open, null, channelId: "19:b@thread.tacv2");
        foreach (var workshop in new[] { "ws-rec-closed", "ws-rec-open" })
        {
            await _world.PutParticipantAsync(workshop, "user-a", DataRightsSeeds.Record(workshop, "ก", "ข"));
        }

        var pass = await _world.Get<RetentionSweep>().RunAsync(CancellationToken.None);

        Assert.Equal(1, pass.RecordsDeleted);
        Assert.Equal(0, await ParticipantsAsync("ws-rec-closed"));
        Assert.Equal(1, await ParticipantsAsync("ws-rec-open"));
        Assert.NotNull(await _world.Get<SocialProtection.Bot.Workshop.Core.Workshops.WorkshopStore>().GetAsync("ws-rec-closed", CancellationToken.None));
    }

    private RetentionSweep Sweep(IObjectStore store) => new(
        store,
        _world.Get<WorkshopDirectory>(),
        Options.Create(new RetentionOptions { RetentionDays = 90 }),
        _world.Time,
        NullLogger<RetentionSweep>.Instance);

    /// <summary>The same store, but listing participants says so and waits for a signal: a pass that is slow halfway.</summary>
    private sealed class GatedListingStore(IObjectStore inner, TaskCompletionSource waiting, Task gate) : IObjectStore
    {
        public Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public Task<string> PutAsync(string key, BinaryData content, WriteCondition condition, CancellationToken cancellationToken) =>
            inner.PutAsync(key, content, condition, cancellationToken);

        public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (prefix.Contains("/participants/", StringComparison.Ordinal))
            {
                waiting.TrySetResult();
                await gate.WaitAsync(cancellationToken);
            }
            await foreach (var info in inner.ListAsync(prefix, cancellationToken))
            {
                yield return info;
            }
        }

        public Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken) => inner.DeleteAsync(key, ifMatch, cancellationToken);

        public Task<IStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken) =>
            inner.TryAcquireLeaseAsync(key, duration, cancellationToken);
    }
}
