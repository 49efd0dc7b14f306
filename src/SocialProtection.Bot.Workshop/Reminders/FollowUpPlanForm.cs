using System.Collections.Immutable;
using System.Globalization;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Reads the plan form's inputs (untrusted card data) into a <see cref="FollowUpPlanRequest"/>: the date from Input.Date
/// (yyyy-MM-dd, or a typed Thai date on clients without a picker), the offsets and days-before as comma-separated choice
/// values, the weekly check-in as a day and an hour. Anything else is refused with the reminder text key to answer with.
/// </summary>
internal static class FollowUpPlanForm
{
    /// <summary>The request, or null with <paramref name="problem"/> set to a reminder text key.</summary>
    /// <param name="currentCron">The plan's own Cron, kept when the form says so.</param>
    public static FollowUpPlanRequest? Read(FollowUpPlanData data, string? currentCron, out string? problem)
    {
        problem = null;
        if (data.Date is not { } dateText
            || !(DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || ThaiDateParser.TryParse(dateText, out date)))
        {
            problem = "form.badDate";
            return null;
        }

        var afterValues = Values(data.After);
        var beforeValues = Values(data.Before);
        var after = ImmutableArray.CreateBuilder<FollowUpOffset>();
        foreach (var value in afterValues)
        {
            if (!FollowUpOffset.TryParse(value, out var offset))
            {
                problem = "plan.badOffset";
                return null;
            }

            after.Add(offset);
        }

        var before = ImmutableArray.CreateBuilder<int>();
        foreach (var value in beforeValues)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > FollowUpPlanService.MaxDaysBeforeDue)
            {
                problem = "error.badInput";
                return null;
            }

            before.Add(days);
        }

        string? cron;
        var day = data.WeeklyDay;
        if (day is null or "" or FollowUpPlanVerbs.None)
        {
            cron = null;
        }
        else if (day == FollowUpPlanVerbs.KeepCron)
        {
            cron = currentCron;
        }
        else if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var weekday) && weekday is >= 0 and <= 6
            && Time(data.WeeklyTime) is { } at)
        {
            cron = new WeeklyCheckIn((DayOfWeek)weekday, at).ToCron();
        }
        else
        {
            problem = "form.badTime";
            return null;
        }

        TimeOnly? sendAt = null;
        var sendAtText = data.SendAt;
        if (sendAtText is not (null or "" or FollowUpPlanVerbs.DefaultTime))
        {
            if (Time(sendAtText) is not { } chosen)
            {
                problem = "form.badTime";
                return null;
            }

            sendAt = chosen;
        }

        return new FollowUpPlanRequest(date, after.ToImmutable(), before.ToImmutable(), cron, sendAt);
    }

    /// <summary>"HH:mm" on the hour or half hour, as the form offers.</summary>
    public static TimeOnly? Time(string? value) =>
        value is { Length: 5 } && TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
        && time.Minute is 0 or 30
            ? time
            : null;

    /// <summary>A multi-select's values (comma-separated).</summary>
    private static IEnumerable<string> Values(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal);
}
