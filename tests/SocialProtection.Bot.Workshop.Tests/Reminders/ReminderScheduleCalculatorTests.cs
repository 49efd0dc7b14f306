using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Workshop.Reminders;
using static SocialProtection.Bot.Workshop.Tests.Reminders.ReminderTestData;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class ReminderScheduleCalculatorTests
{
    private static readonly DateOnly WorkshopDay = new(2026, 3, 2); // a Monday

    private static ReminderScheduleCalculator Calculator(ReminderScheduleOptions? options = null, DateTimeOffset? now = null) =>
        new(options ?? Options(), new FakeTimeProvider(now ?? Bkk(2026, 3, 2, 17)));

    private static IReadOnlyList<PlannedReminder> PlanAll(ReminderScheduleCalculator calculator, FollowUpPlan plan, PartnerFollowUp partner) =>
        calculator.Plan(plan, partner, Bkk(2026, 3, 2, 0), Bkk(2027, 3, 2, 0));

    [Fact]
    public void Reminders_after_the_workshop_go_out_at_half_past_nine_Bangkok_time()
    {
        var calculator = Calculator();
        var plan = Plan(WorkshopDay, after: ["14d", "1m", "3m"]);
        var partner = Partner(commitments: Commitment("c1", new DateOnly(2026, 9, 30)));

        var due = PlanAll(calculator, plan, partner).Select(r => r.DueAt).ToList();

        // 16 March (Mon), 2 April (Thu), 2 June (Tue) 2026, each at 09:30 in Bangkok.
        Assert.Equal([Bkk(2026, 3, 16, 9, 30), Bkk(2026, 4, 2, 9, 30), Bkk(2026, 6, 2, 9, 30)], due);
        Assert.All(due, d => Assert.Equal(TimeSpan.Zero, d.Offset));
    }

    [Fact]
    public void A_reminder_that_falls_on_a_weekend_waits_for_Monday_morning()
    {
        var calculator = Calculator();
        var plan = Plan(WorkshopDay, after: ["5d"]); // Saturday 7 March
        var partner = Partner(commitments: Commitment("c1", new DateOnly(2026, 9, 30)));

        var reminder = Assert.Single(PlanAll(calculator, plan, partner));

        Assert.Equal(Bkk(2026, 3, 9, 9, 0), reminder.DueAt);
        Assert.Equal(DayOfWeek.Monday, BangkokWallClock(reminder.DueAt).DayOfWeek);
    }

    [Fact]
    public void Weekend_days_are_configurable()
    {
        var options = Options();
        options.WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];
        var calculator = Calculator(options);
        var plan = Plan(WorkshopDay, after: ["5d"]);
        var partner = Partner(commitments: Commitment("c1", new DateOnly(2026, 9, 30)));

        Assert.Equal(Bkk(2026, 3, 7, 9, 30), Assert.Single(PlanAll(calculator, plan, partner)).DueAt);
    }

    [Fact]
    public void Configured_public_holidays_are_skipped()
    {
        // Songkran 2026: Monday 13 to Wednesday 15 April.
        var calculator = Calculator(Options(new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 14), new DateOnly(2026, 4, 15)));
        var plan = Plan(new DateOnly(2026, 3, 30), after: ["2w"]); // Monday 13 April
        var partner = Partner(commitments: Commitment("c1", new DateOnly(2026, 9, 30)));

        var reminder = Assert.Single(calculator.Plan(plan, partner, Bkk(2026, 3, 30, 0), Bkk(2026, 5, 1, 0)));

        Assert.Equal(Bkk(2026, 4, 16, 9, 0), reminder.DueAt);
    }

    [Fact]
    public void A_time_after_the_working_day_moves_to_the_next_working_morning()
    {
        var calculator = Calculator();
        var partner = Partner(commitments: Commitment("c1", new DateOnly(2026, 9, 30)));

        Assert.Equal(Bkk(2026, 3, 6, 9, 0), calculator.NextAllowed(Bkk(2026, 3, 5, 17, 0), partner));
        Assert.Equal(Bkk(2026, 3, 9, 9, 0), calculator.NextAllowed(Bkk(2026, 3, 6, 18, 30), partner));
        Assert.Equal(Bkk(2026, 3, 5, 9, 0), calculator.NextAllowed(Bkk(2026, 3, 5, 6, 15), partner));
        Assert.Equal(Bkk(2026, 3, 5, 16, 59), calculator.NextAllowed(Bkk(2026, 3, 5, 16, 59), partner));
    }

    [Fact]
    public void A_reminder_before_a_due_date_that_falls_on_a_weekend_comes_on_the_Friday_before()
    {
        var calculator = Calculator();
        var plan = Plan(WorkshopDay, beforeDue: [2]);
        var partner = Partner(commitments: Commitment("c1", new DateOnly(2026, 3, 16))); // due Monday; 2 days before is Saturday

        var reminder = Assert.Single(PlanAll(calculator, plan, partner));

        Assert.Equal(ReminderKind.BeforeDue, reminder.Kind);
        Assert.Equal(Bkk(2026, 3, 13, 9, 30), reminder.DueAt);
    }

    [Fact]
    public void Recurring_check_ins_follow_the_Cron_expression_in_Bangkok_time_and_skip_holidays()
    {
        var calculator = Calculator(Options(new DateOnly(2026, 3, 16)));
        var plan = Plan(WorkshopDay, cron: "0 10 * * 1"); // Mondays 10:00
        var partner = Partner(commitments: Commitment("c1", new DateOnly(2026, 3, 20)));

        var due = calculator.Plan(plan, partner, Bkk(2026, 3, 2, 12), Bkk(2026, 3, 31, 0)).Select(r => r.DueAt).ToList();

        // Mondays 9, 16, 23 and 30 March; the 16th is a holiday, so that one comes at the start of Tuesday the 17th.
        Assert.Equal([Bkk(2026, 3, 9, 10), Bkk(2026, 3, 17, 9), Bkk(2026, 3, 23, 10), Bkk(2026, 3, 30, 10)], due);
    }

    [Fact]
    public void Recurring_check_ins_stop_some_days_after_the_due_date()
    {
        var options = Options();
        options.RecurringDaysAfterDue = 7;
        var calculator = Calculator(options);
        var plan = Plan(WorkshopDay, cron: "0 10 * * 1");
        var partner = Partner(commitments: Commitment("c1", new DateOnly(2026, 3, 10)));

        var due = calculator.Plan(plan, partner, Bkk(2026, 3, 2, 12), Bkk(2026, 5, 1, 0)).Select(r => r.DueAt).ToList();

        Assert.Equal([Bkk(2026, 3, 9, 10), Bkk(2026, 3, 16, 10)], due);
    }

    [Fact]
    public void A_partners_quiet_hours_push_the_reminder_past_them()
    {
        var calculator = Calculator();
        var partner = Partner(quiet: new QuietHours(new TimeOnly(9, 0), new TimeOnly(11, 30)), commitments: Commitment("c1", new DateOnly(2026, 9, 30)));
        var plan = Plan(WorkshopDay, after: ["14d"]);

        Assert.Equal(Bkk(2026, 3, 16, 11, 30), Assert.Single(PlanAll(calculator, plan, partner)).DueAt);
    }

    [Fact]
    public void A_partner_in_Berlin_gets_reminders_in_Bangkok_working_hours_outside_their_night_across_the_daylight_saving_change()
    {
        // Default quiet hours 21:00–08:00 on the partner's own clock. Berlin moves to summer time on 29 March 2026.
        var calculator = Calculator();
        var partner = Partner(timeZoneId: "Europe/Berlin", commitments: Commitment("c1", new DateOnly(2026, 9, 30)));
        var plan = Plan(new DateOnly(2026, 3, 13), after: ["14d", "17d"]); // Friday 27 March, Monday 30 March

        var due = calculator.Plan(plan, partner, Bkk(2026, 3, 13, 0), Bkk(2026, 4, 30, 0)).Select(r => r.DueAt).ToList();

        // 09:30 Bangkok is 03:30 in Berlin in winter and 04:30 in summer: the reminder waits for 08:00 Berlin,
        // which is 14:00 Bangkok before the change and 13:00 after it.
        Assert.Equal([Bkk(2026, 3, 27, 14, 0), Bkk(2026, 3, 30, 13, 0)], due);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.All(due, d => Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(d, berlin).DateTime)));
    }

    [Fact]
    public void A_partner_whose_quiet_hours_cover_every_working_hour_gets_no_reminder()
    {
        var calculator = Calculator();
        // Bangkok 09:00–17:00 is 19:00–03:00 in Los Angeles (summer time); these quiet hours cover all of it.
        var partner = Partner(timeZoneId: "America/Los_Angeles", quiet: new QuietHours(new TimeOnly(18, 0), new TimeOnly(9, 0)),
            commitments: Commitment("c1", new DateOnly(2026, 9, 30)));

        Assert.Null(calculator.NextAllowed(Bkk(2026, 6, 1, 9), partner));
        Assert.Empty(calculator.Plan(Plan(new DateOnly(2026, 5, 18), after: ["14d"]), partner, Bkk(2026, 5, 18, 0), Bkk(2026, 7, 1, 0)));
    }

    [Fact]
    public void A_done_commitment_gets_no_reminders()
    {
        var calculator = Calculator();
        var partner = Partner(commitments:
        [
            Commitment("c1", new DateOnly(2026, 9, 30), CommitmentStatus.Done),
            Commitment("c2", new DateOnly(2026, 9, 30), CommitmentStatus.InProgress),
        ]);

        var reminders = PlanAll(calculator, Plan(WorkshopDay, after: ["14d"], beforeDue: [3]), partner);

        Assert.All(reminders, r => Assert.Equal("c2", r.CommitmentId));
        Assert.Equal(2, reminders.Count);
    }

    [Fact]
    public void A_snoozed_commitment_waits_for_its_snooze_reminder_and_skips_those_before_it()
    {
        var calculator = Calculator();
        var snoozedUntil = Bkk(2026, 3, 19, 10, 15);
        var partner = Partner(commitments: Commitment("c1", new DateOnly(2026, 9, 30)) with { SnoozedUntil = snoozedUntil, Snoozes = 1 });
        var plan = Plan(WorkshopDay, after: ["14d", "1m"]); // 16 March (inside the snooze) and 2 April (after it)

        var reminders = PlanAll(calculator, plan, partner);

        Assert.Equal(
            [(ReminderKind.Snooze, Bkk(2026, 3, 19, 10, 15)), (ReminderKind.AfterWorkshop, Bkk(2026, 4, 2, 9, 30))],
            reminders.Select(r => (r.Kind, r.DueAt)).ToList());
    }

    [Fact]
    public void The_same_rule_always_gets_the_same_key_and_a_changed_plan_no_longer_asks_for_it()
    {
        var calculator = Calculator();
        var commitment = Commitment("c1", new DateOnly(2026, 6, 30));
        var partner = Partner(commitments: commitment);
        var plan = Plan(WorkshopDay, after: ["14d"], beforeDue: [3]);

        var first = PlanAll(calculator, plan, partner);
        var second = PlanAll(calculator, plan, partner);
        Assert.Equal(first, second);

        var afterRule = first.Single(r => r.Kind == ReminderKind.AfterWorkshop);
        var beforeRule = first.Single(r => r.Kind == ReminderKind.BeforeDue);
        Assert.True(calculator.IsStillPlanned(plan, commitment, afterRule.RuleKey, afterRule.Nominal));
        Assert.True(calculator.IsStillPlanned(plan, commitment, beforeRule.RuleKey, beforeRule.Nominal));

        Assert.False(calculator.IsStillPlanned(plan with { AfterWorkshop = [Offset("1m")] }, commitment, afterRule.RuleKey, afterRule.Nominal));
        Assert.False(calculator.IsStillPlanned(plan, commitment with { DueDate = new DateOnly(2026, 7, 31) }, beforeRule.RuleKey, beforeRule.Nominal));
    }

    [Fact]
    public void A_closed_workshop_plans_nothing()
    {
        var calculator = Calculator();
        var plan = Plan(WorkshopDay, after: ["14d"]) with { ClosedAt = Bkk(2026, 3, 3, 9) };

        Assert.Empty(PlanAll(calculator, plan, Partner(commitments: Commitment("c1", new DateOnly(2026, 9, 30)))));
    }

    [Fact]
    public void Wall_clock_times_skipped_or_repeated_by_daylight_saving_map_to_one_instant()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        // 02:30 does not exist on 29 March 2026 in Berlin: the first valid time after the gap is 03:00 CEST (01:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero),
            ReminderScheduleCalculator.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), berlin));

        // 02:30 happens twice on 25 October 2026: the first one (CEST, 00:30 UTC).
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero),
            ReminderScheduleCalculator.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), berlin));
    }

    [Theory]
    [InlineData("14d", 14, OffsetUnit.Days)]
    [InlineData("2w", 2, OffsetUnit.Weeks)]
    [InlineData("3 months", 3, OffsetUnit.Months)]
    [InlineData("1 เดือน", 1, OffsetUnit.Months)]
    [InlineData(" 2 สัปดาห์ ", 2, OffsetUnit.Weeks)]
    [InlineData("๓ เดือน", 3, OffsetUnit.Months)]
    [InlineData("0d", 0, OffsetUnit.Days)] // the workshop day itself (issue 17)
    public void Offsets_are_read_in_English_and_Thai(string text, int amount, OffsetUnit unit)
    {
        Assert.True(FollowUpOffset.TryParse(text, out var offset));
        Assert.Equal((amount, unit), (offset.Amount, offset.Unit));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-3d")]
    [InlineData("14")]
    [InlineData("3y")]
    [InlineData("9999d")]
    [InlineData("3 ปี")]
    public void Nonsense_offsets_are_refused(string text) => Assert.False(FollowUpOffset.TryParse(text, out _));
}
