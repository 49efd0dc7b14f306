using SocialProtection.Bot.TestSupport;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Reminders;
using static SocialProtection.Bot.Workshop.Tests.Reminders.ReminderTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class ReminderSchedulerTests
{
    private static readonly DateOnly WorkshopDay = new(2026, 3, 2); // a Monday
    private static readonly DateOnly Due = new(2026, 6, 30);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    private static async Task<FollowUpHarness> Harness(FollowUpPlan plan, params PartnerFollowUp[] partners)
    {
        var harness = new FollowUpHarness(Bkk(2026, 3, 2, 17));
        await harness.SavePlanAsync(plan);
        foreach (var partner in partners)
        {
            await harness.SavePartnerAsync(partner);
        }

        return harness;
    }

    private static void AssertSentBetween(RecordingDelivery.Delivered sent, DateTimeOffset earliest) =>
        Assert.InRange(sent.At, earliest, earliest + Step);

    [Fact]
    public async Task Reminders_go_out_at_the_planned_Bangkok_times_and_not_before()
    {
        var harness = await Harness(Plan(WorkshopDay, after: ["14d", "1m"]), Partner(commitments: Commitment("c1", Due)));
        var scheduler = harness.NewScheduler("a");

        await harness.RunUntilAsync(Bkk(2026, 3, 16, 9, 29), Step, scheduler);
        Assert.Empty(harness.Delivery.Sent);

        await harness.RunUntilAsync(Bkk(2026, 4, 10, 0), Step, scheduler);
        var sent = harness.Delivery.Sent.ToList();
        Assert.Equal(2, sent.Count);
        AssertSentBetween(sent[0], Bkk(2026, 3, 16, 9, 30));
        AssertSentBetween(sent[1], Bkk(2026, 4, 2, 9, 30));
        Assert.Empty(((InMemoryObjectStore)harness.Objects).Keys(ReminderKeys.DuePrefix));
    }

    [Fact]
    public async Task Weekends_holidays_and_quiet_hours_hold_a_reminder_back()
    {
        var harness = new FollowUpHarness(Bkk(2026, 3, 2, 17), schedule: Options(new DateOnly(2026, 3, 16)));
        await harness.SavePlanAsync(Plan(WorkshopDay, after: ["12d"])); // Saturday 14 March
        await harness.SavePartnerAsync(Partner(quiet: new QuietHours(new TimeOnly(8, 0), new TimeOnly(11, 30)), commitments: Commitment("c1", Due)));
        var scheduler = harness.NewScheduler("a");

        await harness.RunUntilAsync(Bkk(2026, 3, 20, 0), Step, scheduler);

        // Saturday, Sunday, then Monday the 16th is a holiday; Tuesday after the partner's quiet morning.
        AssertSentBetween(Assert.Single(harness.Delivery.Sent), Bkk(2026, 3, 17, 11, 30));
    }

    [Fact]
    public async Task A_partner_in_Berlin_is_reminded_in_Bangkok_working_hours_after_their_night_across_daylight_saving()
    {
        var plan = Plan(new DateOnly(2026, 3, 13), after: ["14d", "17d"]);
        var harness = new FollowUpHarness(Bkk(2026, 3, 13, 17));
        await harness.SavePlanAsync(plan);
        await harness.SavePartnerAsync(Partner(timeZoneId: "Europe/Berlin", commitments: Commitment("c1", Due)));
        var scheduler = harness.NewScheduler("a");

        await harness.RunUntilAsync(Bkk(2026, 4, 1, 0), Step, scheduler);

        var sent = harness.Delivery.Sent.ToList();
        Assert.Equal(2, sent.Count);
        AssertSentBetween(sent[0], Bkk(2026, 3, 27, 14, 0)); // 08:00 in Berlin, winter time
        AssertSentBetween(sent[1], Bkk(2026, 3, 30, 13, 0)); // 08:00 in Berlin, summer time
    }

    [Fact]
    public async Task Snoozing_moves_the_next_reminder_and_drops_those_inside_the_snooze()
    {
        var harness = await Harness(Plan(WorkshopDay, after: ["14d", "17d", "1m"]), Partner(commitments: Commitment("c1", Due)));
        var scheduler = harness.NewScheduler("a");
        await harness.RunUntilAsync(Bkk(2026, 3, 16, 10, 0), Step, scheduler);
        Assert.Single(harness.Delivery.Sent);

        var result = await Press(harness, ReminderCardVerbs.Snooze, new() { ["snoozeFor"] = "3d" });
        Assert.IsType<CardActionResult.ReplaceCard>(result);
        await harness.RunUntilAsync(Bkk(2026, 4, 10, 0), Step, scheduler);

        var sent = harness.Delivery.Sent.ToList();
        Assert.Equal([ReminderKind.AfterWorkshop, ReminderKind.Snooze, ReminderKind.AfterWorkshop], sent.Select(s => s.Kind));
        AssertSentBetween(sent[1], Bkk(2026, 3, 19, 10, 0)); // three days after pressing; the 09:30 one that day gave way
        AssertSentBetween(sent[2], Bkk(2026, 4, 2, 9, 30));
    }

    [Fact]
    public async Task Marking_a_commitment_done_stops_its_reminders()
    {
        var harness = await Harness(Plan(WorkshopDay, after: ["14d", "1m", "3m"], beforeDue: [3]),
            Partner(commitments: [Commitment("c1", Due), Commitment("c2", Due)]));
        var scheduler = harness.NewScheduler("a");
        await harness.RunUntilAsync(Bkk(2026, 3, 16, 12, 0), Step, scheduler);
        Assert.Equal(2, harness.Delivery.Sent.Count);

        await Press(harness, ReminderCardVerbs.Done, commitmentId: "c1");
        await harness.RunUntilAsync(Bkk(2026, 7, 1, 0), Step, scheduler);

        var later = harness.Delivery.Sent.Skip(2).ToList();
        Assert.Equal(3, later.Count);
        Assert.All(later, s => Assert.Equal("c2", s.CommitmentId));
    }

    [Fact]
    public async Task An_opted_out_partner_gets_nothing_until_they_opt_back_in()
    {
        var harness = await Harness(Plan(WorkshopDay, after: ["14d", "1m", "3m"]), Partner(commitments: Commitment("c1", Due)));
        var scheduler = harness.NewScheduler("a");
        await harness.RunUntilAsync(Bkk(2026, 3, 16, 12, 0), Step, scheduler);
        await Press(harness, ReminderCardVerbs.OptOut);

        await harness.RunUntilAsync(Bkk(2026, 4, 10, 0), Step, scheduler);
        Assert.Single(harness.Delivery.Sent);

        await Press(harness, ReminderCardVerbs.OptIn);
        await harness.RunUntilAsync(Bkk(2026, 6, 10, 0), Step, scheduler);
        var sent = harness.Delivery.Sent.ToList();
        Assert.Equal(2, sent.Count);
        AssertSentBetween(sent[1], Bkk(2026, 6, 2, 9, 30));
    }

    [Fact]
    public async Task Nothing_is_sent_for_a_closed_workshop()
    {
        var plan = Plan(WorkshopDay, after: ["14d"]);
        var harness = await Harness(plan, Partner(commitments: Commitment("c1", Due)));
        var scheduler = harness.NewScheduler("a");
        await harness.RunUntilAsync(Bkk(2026, 3, 15, 12, 0), Step, scheduler); // queued, not yet due

        await harness.SavePlanAsync(plan with { ClosedAt = harness.Time.GetUtcNow() });
        await harness.RunUntilAsync(Bkk(2026, 4, 10, 0), Step, scheduler);

        Assert.Empty(harness.Delivery.Sent);
        Assert.Empty(((InMemoryObjectStore)harness.Objects).Keys(ReminderKeys.DuePrefix));
    }

    [Fact]
    public async Task Two_scheduler_instances_over_one_store_send_every_reminder_exactly_once()
    {
        var partners = Enumerable.Range(0, 150).Select(i => Partner($"partner-{i:000}", commitments: [Commitment("c1", Due), Commitment("c2", Due)])).ToArray();
        var harness = await Harness(Plan(WorkshopDay, after: ["14d"], beforeDue: [100]), partners);
        var a = harness.NewScheduler("a");
        var b = harness.NewScheduler("b");

        await harness.RunUntilAsync(Bkk(2026, 3, 24, 0), Step, a, b);

        var sent = harness.Delivery.Sent.ToList();
        Assert.Equal(600, sent.Count);
        Assert.Equal(600, sent.Select(s => s.OccurrenceId).Distinct().Count());
        Assert.Null(RateLimitAudit.FindViolation("tenant", [.. sent.Select(s => s.At)], [new RateWindow(30, TimeSpan.FromSeconds(1))]));
    }

    [Fact]
    public async Task A_restart_in_the_middle_loses_no_reminder_and_repeats_none()
    {
        var partners = Enumerable.Range(0, 40).Select(i => Partner($"partner-{i:00}", commitments: Commitment("c1", Due))).ToArray();
        var harness = await Harness(Plan(WorkshopDay, after: ["14d", "1m"]), partners);
        await harness.RunUntilAsync(Bkk(2026, 3, 20, 0), Step, harness.NewScheduler("before-restart"));
        Assert.Equal(40, harness.Delivery.Sent.Count);

        // A new process: new planner, pacer and scheduler over the same store; only the store remembers.
        var restarted = new FollowUpHarness(harness.Time.GetUtcNow(), harness.Objects);
        await restarted.RunUntilAsync(Bkk(2026, 4, 10, 0), Step, restarted.NewScheduler("after-restart"));

        var all = harness.Delivery.Sent.Concat(restarted.Delivery.Sent).ToList();
        Assert.Equal(80, all.Count);
        Assert.Equal(80, all.Select(s => s.OccurrenceId).Distinct().Count());
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_instance_is_sent_by_another_once_the_claim_expires()
    {
        var harness = await Harness(Plan(WorkshopDay, after: ["14d"]), Partner(commitments: Commitment("c1", Due)));
        await harness.RunUntilAsync(Bkk(2026, 3, 16, 9, 0), Step);
        var key = Assert.Single(((InMemoryObjectStore)harness.Objects).Keys(ReminderKeys.DuePrefix));

        // The crashed instance claimed it at 09:30 and died before sending.
        harness.Time.SetUtcNow(Bkk(2026, 3, 16, 9, 30));
        var stored = (await harness.Store.ReadAsync<ReminderOccurrence>(key, CancellationToken.None))!;
        await harness.Store.Json.WriteAsync(key, stored.Value with
        {
            Status = OccurrenceStatus.Sending,
            ClaimedBy = "crashed",
            ClaimExpiresAt = harness.Time.GetUtcNow() + TimeSpan.FromMinutes(2),
            Attempts = 1,
        }, Bot.Storage.WriteCondition.IfMatch(stored.ETag), CancellationToken.None);

        var survivor = harness.NewScheduler("survivor");
        await harness.PassAsync(survivor);
        Assert.Empty(harness.Delivery.Sent);

        harness.Time.Advance(TimeSpan.FromMinutes(2));
        await harness.PassAsync(survivor);
        await harness.PassAsync(survivor);
        var sent = Assert.Single(harness.Delivery.Sent);
        Assert.InRange(sent.At, Bkk(2026, 3, 16, 9, 32), Bkk(2026, 3, 16, 9, 32).AddSeconds(1));
    }

    [Fact]
    public async Task A_send_whose_outcome_is_unknown_is_sent_again_at_least_once()
    {
        var harness = await Harness(Plan(WorkshopDay, after: ["14d"]), Partner(commitments: Commitment("c1", Due)));
        // Teams got the first POST but the answer never came back (timeout): the bot cannot know, so it sends again.
        harness.Delivery.RecordFailedSends = true;
        harness.Delivery.Failure = (_, attempt) => attempt == 1 ? new ConnectorException("timed out", null, ConnectorException.Timeout) : null;

        await harness.RunUntilAsync(Bkk(2026, 3, 17, 0), TimeSpan.FromMinutes(1), harness.NewScheduler("a"));

        var sent = harness.Delivery.Sent.ToList();
        Assert.Equal(2, sent.Count);
        Assert.Single(sent.Select(s => s.OccurrenceId).Distinct());
        var partner = (await harness.Store.GetPartnerAsync(WorkshopId, "aad-partner-1", CancellationToken.None))!;
        Assert.Equal(DeliveryOutcome.Sent, partner.Find("c1")!.LastReminder!.Outcome);
    }

    [Fact]
    public async Task A_failing_send_is_retried_with_growing_waits_then_recorded_as_failed_for_the_facilitator()
    {
        var harness = await Harness(Plan(WorkshopDay, after: ["14d"]), Partner(commitments: Commitment("c1", Due)));
        var times = new List<DateTimeOffset>();
        harness.Delivery.Failure = (_, _) =>
        {
            times.Add(harness.Time.GetUtcNow());
            return new ConnectorException("boom", HttpStatusCode.InternalServerError, "InternalError");
        };

        await harness.RunUntilAsync(Bkk(2026, 3, 17, 0), TimeSpan.FromSeconds(30), harness.NewScheduler("a"));

        Assert.Equal(harness.SchedulerOptions.MaxAttempts, times.Count);
        var gaps = times.Zip(times.Skip(1), (x, y) => (y - x).TotalMinutes).ToList();
        for (var i = 0; i < gaps.Count; i++)
        {
            var ceiling = Math.Min(30, Math.Pow(2, i));
            Assert.InRange(gaps[i], ceiling / 2, ceiling + 1);
        }

        var commitment = (await harness.Store.GetPartnerAsync(WorkshopId, "aad-partner-1", CancellationToken.None))!.Find("c1")!;
        Assert.Equal(new ReminderDelivery(commitment.LastReminder!.OccurrenceId, commitment.LastReminder.At, DeliveryOutcome.Failed, "Http500"), commitment.LastReminder);
        Assert.Equal(FollowUpState.NotDelivered, FollowUpStates.Of(commitment, new DateOnly(2026, 3, 17)));
        Assert.Empty(((InMemoryObjectStore)harness.Objects).Keys(ReminderKeys.DuePrefix));
    }

    [Fact]
    public async Task A_partner_who_uninstalled_the_app_is_recorded_as_not_reached_without_retrying()
    {
        var harness = await Harness(Plan(WorkshopDay, after: ["14d"]), Partner(commitments: Commitment("c1", Due)));
        harness.Delivery.Failure = (_, _) => new ConnectorException("forbidden", HttpStatusCode.Forbidden, "BotNotInConversationRoster");

        await harness.RunUntilAsync(Bkk(2026, 3, 17, 0), TimeSpan.FromMinutes(1), harness.NewScheduler("a"));

        var commitment = (await harness.Store.GetPartnerAsync(WorkshopId, "aad-partner-1", CancellationToken.None))!.Find("c1")!;
        Assert.Equal(1, harness.Delivery.Tries(commitment.LastReminder!.OccurrenceId));
        Assert.Equal(CancelReasons.AppNotInstalled, commitment.LastReminder.Reason);
    }

    [Fact]
    public async Task Answers_of_429_pause_sending_for_Retry_After_and_every_reminder_still_arrives_once()
    {
        var partners = Enumerable.Range(0, 60).Select(i => Partner($"partner-{i:000}", commitments: Commitment("c1", Due))).ToArray();
        var harness = await Harness(Plan(WorkshopDay, after: ["14d"]), partners);
        var throttledAt = new List<DateTimeOffset>();
        harness.Delivery.Failure = (id, attempt) =>
        {
            // A third of first tries and a sixth of second tries are throttled.
            if ((attempt == 1 && id.GetHashCode(StringComparison.Ordinal) % 3 == 0) || (attempt == 2 && id.GetHashCode(StringComparison.Ordinal) % 6 == 0))
            {
                lock (throttledAt)
                {
                    throttledAt.Add(harness.Time.GetUtcNow());
                }

                return new ConnectorException("slow down", HttpStatusCode.TooManyRequests, "Throttled", TimeSpan.FromSeconds(3));
            }

            return null;
        };

        await harness.RunUntilAsync(Bkk(2026, 3, 17, 0), Step, harness.NewScheduler("a"), harness.NewScheduler("b"));

        var sent = harness.Delivery.Sent.ToList();
        Assert.NotEmpty(throttledAt);
        Assert.Equal(60, sent.Count);
        Assert.Equal(60, sent.Select(s => s.OccurrenceId).Distinct().Count());
        // No send during the Retry-After pause of a 429. A send that had already passed the pacer when the 429 came back
        // is not recalled, and the harness clock may tick on while it is under way, so the first second is left out.
        Assert.DoesNotContain(sent, s => throttledAt.Any(t => s.At > t + TimeSpan.FromSeconds(1) && s.At < t + TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Need_help_reaches_the_facilitator_once_and_marks_the_commitment()
    {
        var harness = await Harness(Plan(WorkshopDay, after: ["14d"]), Partner(commitments: Commitment("c1", Due)));
        var scheduler = harness.NewScheduler("a");
        await harness.RunUntilAsync(Bkk(2026, 3, 16, 10, 0), Step, scheduler);

        var value = new Dictionary<string, string> { ["helpNote"] = "ต้องการผู้ติดต่อจากกรมบัญชีกลาง" };
        await Press(harness, ReminderCardVerbs.Help, value, activityId: "act-help-1");
        await Press(harness, ReminderCardVerbs.Help, value, activityId: "act-help-1"); // Teams redelivered it
        await harness.RunUntilAsync(Bkk(2026, 3, 16, 11, 0), TimeSpan.FromMinutes(1), scheduler);

        Assert.Single(harness.Delivery.Sent, s => s.Kind == ReminderKind.HelpRequest);
        var commitment = (await harness.Store.GetPartnerAsync(WorkshopId, "aad-partner-1", CancellationToken.None))!.Find("c1")!;
        Assert.Equal(CommitmentStatus.NeedHelp, commitment.Status);
        Assert.Single(commitment.Notes, n => n.Text == "ต้องการผู้ติดต่อจากกรมบัญชีกลาง");
    }

    private static Task<CardActionResult> Press(FollowUpHarness harness, string verb, Dictionary<string, string>? inputs = null, string commitmentId = "c1", string? activityId = null)
    {
        var data = new JsonObject { ["wid"] = WorkshopId, ["cid"] = commitmentId, ["verb"] = verb };
        foreach (var (name, value) in inputs ?? [])
        {
            data[name] = value;
        }

        var element = JsonSerializer.SerializeToElement(data);
        var handler = new ReminderActionHandler(harness.Store, harness.Calculator, NullLogger<ReminderActionHandler>.Instance);
        var turn = PartnerTurn.CardAction("aad-partner-1", element, activityId);
        Assert.True(CardDataJson.TryRead<ReminderCardData>(element, verb, out var typed));
        return handler.OnCardActionAsync(turn, new CardAction<ReminderCardData>(verb, typed, CardActionSource.Execute, null, false), CancellationToken.None);
    }
}
