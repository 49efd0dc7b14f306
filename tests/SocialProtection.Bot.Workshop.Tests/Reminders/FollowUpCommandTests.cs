using SocialProtection.Bot.TestSupport;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Workshop.Reminders;
using static SocialProtection.Bot.Workshop.Tests.Reminders.ReminderTestData;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class FollowUpCommandTests
{
    [Fact]
    public void A_plan_is_read_from_Thai_words_and_a_Buddhist_era_date()
    {
        var command = Assert.IsType<FollowUpCommand.SetPlan>(FollowUpCommand.Parse("ติดตามผล แผน 2/3/2569 14วัน 1เดือน 3m ก่อน 3 7 cron 0 10 * * 1"));

        Assert.Equal(new DateOnly(2026, 3, 2), command.WorkshopDate);
        Assert.Equal(["14d", "1m", "3m"], command.AfterWorkshop.Select(o => o.ToString()));
        Assert.Equal([3, 7], command.DaysBeforeDue.AsEnumerable());
        Assert.Equal("0 10 * * 1", command.RecurringCron);
    }

    [Fact]
    public void The_date_may_be_left_to_the_workshop()
    {
        var command = Assert.IsType<FollowUpCommand.SetPlan>(FollowUpCommand.Parse("followup plan 2w before 2"));

        Assert.Null(command.WorkshopDate);
        Assert.Equal(["2w"], command.AfterWorkshop.Select(o => o.ToString()));
    }

    [Theory]
    [InlineData("followup", typeof(FollowUpCommand.ShowView))]
    [InlineData("ติดตามผล ปิด", typeof(FollowUpCommand.Close))]
    [InlineData("followup reopen", typeof(FollowUpCommand.Reopen))]
    [InlineData("followup plan someday 14d", typeof(FollowUpCommand.Invalid))]
    [InlineData("followup plan 2026-03-02 fortnight", typeof(FollowUpCommand.Invalid))]
    [InlineData("followup dance", typeof(FollowUpCommand.Invalid))]
    public void Commands_are_told_apart(string text, Type expected) => Assert.IsType(expected, FollowUpCommand.Parse(text));

    [Fact]
    public void The_workshop_day_itself_is_an_offset_and_an_offset_too_far_is_told_as_one()
    {
        Assert.Equal(["0d", "14d"], Assert.IsType<FollowUpCommand.SetPlan>(FollowUpCommand.Parse("followup plan 0d 14d")).AfterWorkshop.Select(o => o.ToString()));
        Assert.Equal(["0d"], Assert.IsType<FollowUpCommand.SetPlan>(FollowUpCommand.Parse("ติดตามผล แผน 2/3/2569 0วัน")).AfterWorkshop.Select(o => o.ToString()));
        Assert.Equal(new FollowUpCommand.Invalid("plan.badOffset", "900d"), FollowUpCommand.Parse("followup plan 900d"));
        Assert.Equal(new FollowUpCommand.Invalid("plan.badOffset", "30m"), FollowUpCommand.Parse("followup plan 2026-03-02 1m 30m"));
        Assert.IsType<FollowUpCommand.EditPlan>(FollowUpCommand.Parse("ติดตามผล แผน"));
    }

    [Theory]
    [InlineData("0 10 * * 1", true)]
    [InlineData("30 9 1 * *", true)]
    [InlineData("0 * * * *", false)]
    [InlineData("0 9,15 * * *", false)]
    [InlineData("not cron", false)]
    public void Recurring_check_ins_come_at_most_once_a_day(string cron, bool accepted)
    {
        var service = new FollowUpPlanService(new FollowUpStore(new InMemoryObjectStore()), new ReminderScheduleCalculator(Options(), new FakeTimeProvider(Bkk(2026, 3, 2, 9))));
        var request = new FollowUpPlanRequest(new DateOnly(2026, 3, 2), [], [], cron);

        Assert.Equal(accepted, service.Check(request) is null);
    }

    [Fact]
    public async Task Setting_a_plan_twice_bumps_its_version_and_keeps_every_facilitator()
    {
        var store = new FollowUpStore(new InMemoryObjectStore());
        var service = new FollowUpPlanService(store, new ReminderScheduleCalculator(Options(), new FakeTimeProvider(Bkk(2026, 3, 2, 9))));
        var request = new FollowUpPlanRequest(new DateOnly(2026, 3, 2), [Offset("14d")], [3]);

        await service.SetAsync(WorkshopId, request, "facilitator-a", null, CancellationToken.None);
        var plan = await service.SetAsync(WorkshopId, request with { DaysBeforeDue = [7, 3, 7] }, "facilitator-b", null, CancellationToken.None);

        Assert.Equal(2, plan.Version);
        Assert.Equal(["facilitator-a", "facilitator-b"], plan.FacilitatorUserKeys.AsEnumerable());
        Assert.Equal([3, 7], plan.DaysBeforeDue.AsEnumerable());
        Assert.Equal(Bkk(2026, 3, 2, 9), (await service.SetClosedAsync(WorkshopId, true, CancellationToken.None))!.ClosedAt);
    }
}
