using SocialProtection.Bot.Workshop.Reminders;
using static SocialProtection.Bot.Workshop.Tests.Reminders.ReminderTestData;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class ReminderCatchUpTests
{
    [Fact]
    public async Task A_plan_saved_after_its_first_dates_sends_the_newest_passed_reminder_late_once()
    {
        // The workshop was on Monday 2 March; the plan (the day itself and one day after) is saved on Wednesday at 11:00.
        var harness = new FollowUpHarness(Bkk(2026, 3, 4, 11));
        await harness.SavePlanAsync(Plan(new DateOnly(2026, 3, 2), after: ["0d", "1d", "14d"]));
        await harness.SavePartnerAsync(Partner(commitments: Commitment("c1", new DateOnly(2026, 6, 30))));
        var scheduler = harness.NewScheduler("a");

        await harness.RunUntilAsync(Bkk(2026, 3, 7, 0), TimeSpan.FromMinutes(10), scheduler);

        var sent = Assert.Single(harness.Delivery.Sent);
        Assert.Equal(ReminderKeys.OccurrenceId(WorkshopId, "aad-partner-1", "c1", "after:1d@2026-03-03"), sent.OccurrenceId);
        Assert.InRange(sent.At, Bkk(2026, 3, 4, 11), Bkk(2026, 3, 4, 11, 15));
    }

    [Fact]
    public async Task A_reminder_missed_by_more_than_the_allowed_lateness_is_not_sent()
    {
        // MaxLateness is 3 days: a week after the workshop, "1 day after" is too old to send.
        var harness = new FollowUpHarness(Bkk(2026, 3, 9, 11));
        await harness.SavePlanAsync(Plan(new DateOnly(2026, 3, 2), after: ["1d"]));
        await harness.SavePartnerAsync(Partner(commitments: Commitment("c1", new DateOnly(2026, 6, 30))));

        await harness.RunUntilAsync(Bkk(2026, 3, 10, 0), TimeSpan.FromMinutes(10), harness.NewScheduler("a"));

        Assert.Empty(harness.Delivery.Sent);
    }

    [Fact]
    public void Of_several_passed_reminders_only_the_newest_per_commitment_is_kept()
    {
        var now = Bkk(2026, 3, 4, 11);
        PlannedReminder At(string commitment, string rule, DateTimeOffset nominal, ReminderKind kind = ReminderKind.AfterWorkshop) =>
            new(commitment, kind, rule, nominal, nominal);
        var planned = new[]
        {
            At("c1", "after:0d", Bkk(2026, 3, 2, 9, 30)),
            At("c1", "after:1d", Bkk(2026, 3, 3, 9, 30)),
            At("c1", "snooze:1", Bkk(2026, 3, 3, 10), ReminderKind.Snooze),
            At("c2", "after:0d", Bkk(2026, 3, 2, 9, 30)),
            At("c1", "after:14d", Bkk(2026, 3, 16, 9, 30)),
        };

        var kept = ReminderCatchUp.Collapse(planned, now);

        Assert.Equal(["after:1d", "snooze:1", "after:0d", "after:14d"], kept.Select(p => p.RuleKey));
    }
}
