using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>How a plan and what it will do are put into words, in Thai and English, for cards and chat replies.</summary>
internal static class FollowUpPlanText
{
    private static readonly TextCatalog T = ReminderText.Default;

    /// <summary>"14 วันหลังประชุม" / "14 days after"; "วันประชุม" for 0.</summary>
    public static string Offset(FollowUpOffset offset, Language language)
    {
        ArgumentNullException.ThrowIfNull(offset);
        if (offset.Amount == 0)
        {
            return T.Get("offset.day0", language);
        }

        var unit = offset.Unit switch
        {
            OffsetUnit.Days => "day",
            OffsetUnit.Weeks => "week",
            _ => "month",
        };
        return offset.Amount == 1 ? T.Get($"offset.{unit}1", language) : T.Format($"offset.{unit}s", language, offset.Amount);
    }

    /// <summary>"3 วันก่อนกำหนด" / "3 days before".</summary>
    public static string DaysBefore(int days, Language language) =>
        days == 1 ? T.Get("before.day1", language) : T.Format("before.days", language, days);

    /// <summary>"ทุกวันจันทร์ เวลา 10:00 น." / "every Monday at 10:00".</summary>
    public static string Weekly(WeeklyCheckIn checkIn, Language language)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        return T.Format("weekly.at", language, T.Get("day." + (int)checkIn.Day, language), checkIn.At.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>The plan in one line.</summary>
    public static string Describe(FollowUpPlan plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var none = T.Get("plan.none", language);
        var weekly = plan.RecurringCron is null ? none
            : WeeklyCheckIn.TryParse(plan.RecurringCron, out var checkIn) ? Weekly(checkIn, language)
            : "Cron " + plan.RecurringCron;
        return T.Format("plan.describe", language,
            ThaiDateFormatter.Format(plan.WorkshopDate, language),
            plan.AfterWorkshop.IsDefaultOrEmpty ? none : string.Join(", ", plan.AfterWorkshop.Select(o => Offset(o, language))),
            plan.DaysBeforeDue.IsDefaultOrEmpty ? none : string.Join(", ", plan.DaysBeforeDue.Select(d => DaysBefore(d, language))),
            weekly);
    }

    /// <summary>What the plan will do next: when (Bangkok time, both eras) and how many partners it reaches.</summary>
    public static string Next(FollowUpForecast forecast, Language language)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return forecast.NextSendAt is { } at
            ? T.Format("plan.savedNext", language, ThaiDateFormatter.FormatDateTime(at, language), forecast.PartnersReached)
            : T.Get("plan.savedNone", language);
    }

    /// <summary>The confirmation of a saved plan, Thai first then English: the plan, then its next reminder and reach.</summary>
    public static string Confirmation(FollowUpPlan plan, FollowUpForecast forecast) =>
        string.Join("\n\n", new[] { Language.Thai, Language.English }.Select(language =>
            T.Format("plan.saved", language, Describe(plan, language)) + " " + Next(forecast, language)));

    /// <summary>The follow-up view's line about the next reminder (or why there is none), first language then the other.</summary>
    public static IEnumerable<AdaptiveElement> NextReminderLines(FollowUpPlan? plan, FollowUpForecast? forecast, Language first)
    {
        if (forecast is null || plan?.IsClosed == true)
        {
            yield break;
        }

        var second = first == Language.Thai ? Language.English : Language.Thai;
        yield return new TextBlock(Line(plan, forecast, first)) { Wrap = true, Weight = TextWeight.Bolder };
        yield return new TextBlock(Line(plan, forecast, second)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None };
    }

    private static string Line(FollowUpPlan? plan, FollowUpForecast forecast, Language language) =>
        plan is null ? T.Get("next.noPlan", language)
        : forecast.NextSendAt is { } at ? T.Format("next.at", language, ThaiDateFormatter.FormatDateTime(at, language), forecast.PartnersReached)
        : T.Get("next.none", language);
}
