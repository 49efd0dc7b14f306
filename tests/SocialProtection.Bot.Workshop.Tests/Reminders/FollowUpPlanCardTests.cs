using System.Text.Json;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Reminders.Cards;
using static SocialProtection.Bot.Workshop.Tests.Reminders.ReminderTestData;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class FollowUpPlanCardTests
{
    private static FollowUpPlan TypedPlan() => Plan(new DateOnly(2026, 3, 2), after: ["0d", "5d", "1m"], beforeDue: [3, 10], cron: "0 9 1 * *");

    [Fact]
    public async Task The_plan_form_and_the_preview_are_valid_Adaptive_Cards()
    {
        var form = FollowUpPlanCard.Build(new FollowUpPlanCardModel(WorkshopId, "ถอดบทเรียน", TypedPlan(), new DateOnly(2026, 3, 2), new TimeOnly(9, 30), "บันทึกแล้ว"));
        var partner = Partner(commitments: Commitment("c1", new DateOnly(2026, 6, 30)));
        var reminder = new PlannedReminder("c1", ReminderKind.AfterWorkshop, "after:5d@2026-03-07", Bkk(2026, 3, 9, 9, 30), Bkk(2026, 3, 9, 9, 30));
        var snapshot = new FollowUpSnapshot(WorkshopId, null, TypedPlan(), [partner], new Dictionary<string, LocalizedText> { [partner.UserKey] = new("ผู้เข้าร่วม 2", "Participant 2") },
            new FollowUpForecast(1, reminder.DueAt, partner, reminder));
        var preview = FollowUpPreviewCard.Build(snapshot, new DateOnly(2026, 3, 5), offerSendToMe: true);

        var report = await AdaptiveCardValidator.ValidateAsync([AdaptiveCardJson.Serialize(form), AdaptiveCardJson.Serialize(preview)]);

        Assert.True(report.IsValid, report.Describe());
        Assert.Contains("ผู้เข้าร่วม 2", AdaptiveCardJson.Serialize(preview), StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_plan_the_form_does_not_offer_is_kept_when_the_form_is_saved_unchanged()
    {
        var card = JsonDocument.Parse(AdaptiveCardJson.Serialize(FollowUpPlanCard.Build(
            new FollowUpPlanCardModel(WorkshopId, null, TypedPlan(), new DateOnly(2026, 3, 2), new TimeOnly(9, 30))))).RootElement;
        // What Teams sends when the facilitator presses Save without touching anything: every input's value.
        var inputs = AdaptiveCardReader.Elements(card)
            .Where(e => e.TryGetProperty("id", out _) && e.TryGetProperty("type", out var t) && t.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.TryGetProperty("value", out var v) ? v.GetString() : null);

        var request = FollowUpPlanForm.Read(Pressed(inputs), TypedPlan().RecurringCron, out var problem);

        Assert.Null(problem);
        Assert.Equal(new DateOnly(2026, 3, 2), request!.WorkshopDate);
        Assert.Equal(["0d", "5d", "1m"], request.AfterWorkshop.Select(o => o.ToString()));
        Assert.Equal([3, 10], request.DaysBeforeDue.AsEnumerable());
        Assert.Equal("0 9 1 * *", request.RecurringCron);
    }

    [Theory]
    [InlineData("fuDate", "someday", "form.badDate")]
    [InlineData("fuAfter", "1d,fortnight", "plan.badOffset")]
    [InlineData("fuBefore", "3,400", "error.badInput")]
    [InlineData("fuWeeklyDay", "9", "form.badTime")]
    [InlineData("fuWeeklyTime", "25:00", "form.badTime")]
    [InlineData("fuSendAt", "09:17", "form.badTime")]
    public void Forged_or_broken_form_values_are_refused_with_a_reason(string field, string value, string expected)
    {
        var inputs = new Dictionary<string, string>
        {
            ["fuDate"] = "2026-03-02",
            ["fuAfter"] = "1d",
            ["fuBefore"] = "3",
            ["fuWeeklyDay"] = "1",
            ["fuWeeklyTime"] = "10:00",
            ["fuSendAt"] = "default",
            [field] = value,
        };

        Assert.Null(FollowUpPlanForm.Read(Pressed(inputs), null, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void A_weekly_check_in_is_a_Cron_expression_and_back()
    {
        Assert.Equal("30 16 * * 5", new WeeklyCheckIn(DayOfWeek.Friday, new TimeOnly(16, 30)).ToCron());
        Assert.True(WeeklyCheckIn.TryParse("0 10 * * 1", out var monday));
        Assert.Equal(new WeeklyCheckIn(DayOfWeek.Monday, new TimeOnly(10, 0)), monday);
        Assert.False(WeeklyCheckIn.TryParse("0 9 1 * *", out _));
    }

    /// <summary>The Save press carrying <paramref name="inputs"/>, read as the router reads it.</summary>
    private static FollowUpPlanData Pressed<TValue>(IDictionary<string, TValue> inputs)
    {
        var data = new Dictionary<string, object?>(inputs.Select(i => KeyValuePair.Create(i.Key, (object?)i.Value))) { ["wid"] = WorkshopId };
        Assert.True(CardDataJson.TryRead<FollowUpPlanData>(JsonSerializer.SerializeToElement(data), FollowUpPlanVerbs.SavePlan, out var form));
        return form;
    }
}
