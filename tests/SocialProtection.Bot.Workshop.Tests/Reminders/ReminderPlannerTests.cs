using SocialProtection.Bot.TestSupport;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using static SocialProtection.Bot.Workshop.Tests.Reminders.ReminderTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class ReminderPlannerTests
{
    private readonly FollowUpHarness _harness = new(Bkk(2026, 3, 2, 17));

    private ParticipantCommitmentSync Sync() =>
        new(_harness.Store, new UserProfileStore(_harness.Objects, _harness.Time), _harness.Time, NullLogger<ParticipantCommitmentSync>.Instance);

    private async Task SaveParticipantAsync(string userKey, params Commitment[] commitments)
    {
        var json = new JsonObjectStore(_harness.Objects, StoredJson.StoreOptions());
        var record = new ParticipantRecord
        {
            WorkshopId = WorkshopId,
            QuestionSetId = "default",
            Language = "en",
            Answers = ImmutableSortedDictionary<string, Answer>.Empty.Add("q-commit", new Answer { Kind = QuestionKind.Commitments, Commitments = commitments }),
        };
        await json.UpdateAsync<ParticipantRecord>(WorkshopKeys.Participant(WorkshopId, userKey), _ => UpdateDecision.Write(record), CancellationToken.None);
    }

    [Fact]
    public async Task Commitments_from_the_dialog_are_followed_up_and_edits_keep_the_reported_status()
    {
        await _harness.SavePlanAsync(Plan(new DateOnly(2026, 3, 2), after: ["14d"]));
        var userKey = "0f8fad5b-d9cb-469f-a165-70867728950e";
        await SaveParticipantAsync(userKey, new Commitment("c1", "ทำ A", "กรม ก", new DateOnly(2026, 5, 1)), new Commitment("c2", "ทำ B", "กรม ข", new DateOnly(2026, 6, 1)));
        var sync = Sync();

        await sync.SyncWorkshopAsync((await _harness.Store.GetPlanAsync(WorkshopId, CancellationToken.None))!, CancellationToken.None);
        var partner = (await _harness.Store.GetPartnerAsync(WorkshopId, userKey, CancellationToken.None))!;
        Assert.Equal(["c1", "c2"], partner.Commitments.Select(c => c.Id));
        Assert.Equal("en", partner.Language);
        await _harness.Store.UpdatePartnerAsync(WorkshopId, userKey, p => UpdateDecision.Write(p!.Replace(p.Find("c1")!.WithStatus(CommitmentStatus.InProgress, "started", _harness.Time.GetUtcNow()))), CancellationToken.None);

        await SaveParticipantAsync(userKey, new Commitment("c1", "ทำ A ให้เสร็จ", "กรม ก", new DateOnly(2026, 5, 15)), new Commitment("c3", "ทำ C", "กรม ค", new DateOnly(2026, 7, 1)));
        await sync.SyncParticipantAsync(WorkshopId, userKey, CancellationToken.None);

        partner = (await _harness.Store.GetPartnerAsync(WorkshopId, userKey, CancellationToken.None))!;
        Assert.Equal(["c1", "c3"], partner.Commitments.Select(c => c.Id));
        var c1 = partner.Find("c1")!;
        Assert.Equal(("ทำ A ให้เสร็จ", new DateOnly(2026, 5, 15), CommitmentStatus.InProgress, "started"), (c1.Action, c1.DueDate, c1.Status, c1.Notes.Single().Text));
        Assert.Equal(CommitmentStatus.NotStarted, partner.Find("c3")!.Status);
    }

    [Fact]
    public async Task Syncing_again_with_nothing_new_writes_nothing()
    {
        await _harness.SavePlanAsync(Plan(new DateOnly(2026, 3, 2), after: ["14d"]));
        await SaveParticipantAsync("user-1", new Commitment("c1", "ทำ A", "กรม ก", new DateOnly(2026, 5, 1)));
        var sync = Sync();
        await sync.SyncParticipantAsync(WorkshopId, "user-1", CancellationToken.None);
        var first = await _harness.Store.ReadPartnerAsync(WorkshopId, "user-1", CancellationToken.None);

        await sync.SyncParticipantAsync(WorkshopId, "user-1", CancellationToken.None);

        Assert.Equal(first!.ETag, (await _harness.Store.ReadPartnerAsync(WorkshopId, "user-1", CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task Planners_racing_over_the_same_partners_queue_each_reminder_once()
    {
        await _harness.SavePlanAsync(Plan(new DateOnly(2026, 3, 2), after: ["1d", "2d"], beforeDue: [1]));
        for (var i = 0; i < 30; i++)
        {
            await _harness.SavePartnerAsync(Partner($"p{i}", commitments: [Commitment("c1", new DateOnly(2026, 3, 5)), Commitment("c2", new DateOnly(2026, 3, 6))]));
        }

        var planners = Enumerable.Range(0, 4).Select(_ => new ReminderPlanner(_harness.Store, _harness.Calculator,
            Microsoft.Extensions.Options.Options.Create(_harness.SchedulerOptions), NullLogger<ReminderPlanner>.Instance)).ToList();
        var queued = await Task.WhenAll(planners.Select(p => Task.Run(() => p.PlanAllAsync(CancellationToken.None))));
        await Task.WhenAll(planners.Select(p => p.PlanAllAsync(CancellationToken.None)));

        // Within the two-day horizon: 3 and 4 March for both commitments, and 4 March, the day before c1 is due
        // (c2's, on 5 March, is beyond the horizon): five per partner.
        var keys = ((InMemoryObjectStore)_harness.Objects).Keys(ReminderKeys.DuePrefix);
        Assert.Equal(30 * 5, keys.Count);
        Assert.Equal(keys.Count, queued.Sum());
    }

    [Fact]
    public async Task A_new_plan_version_queues_the_new_rules_from_now_on_and_the_dropped_ones_are_not_sent()
    {
        var plan = Plan(new DateOnly(2026, 3, 2), after: ["1d"]);
        await _harness.SavePlanAsync(plan);
        await _harness.SavePartnerAsync(Partner(commitments: Commitment("c1", new DateOnly(2026, 6, 30))));
        await _harness.Planner.PlanAllAsync(CancellationToken.None);

        await _harness.SavePlanAsync(plan with { AfterWorkshop = [Offset("2d")], Version = 2 });
        await _harness.RunUntilAsync(Bkk(2026, 3, 6, 0), TimeSpan.FromMinutes(10), _harness.NewScheduler("a"));

        var sent = Assert.Single(_harness.Delivery.Sent);
        Assert.InRange(sent.At, Bkk(2026, 3, 4, 9, 30), Bkk(2026, 3, 4, 9, 40));
    }

    [Theory]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("29:1AbC")]
    [InlineData("ผู้ใช้")]
    public void A_user_key_comes_back_from_its_storage_name(string userKey) =>
        Assert.Equal(userKey, UserKeySegment.FromKey(WorkshopKeys.Participant(WorkshopId, userKey)));

    [Fact]
    public void A_hashed_user_key_cannot_come_back() =>
        Assert.Null(UserKeySegment.FromKey(WorkshopKeys.Participant(WorkshopId, "29:" + new string('x', 120))));
}
