using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
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
    private const int MaxFieldLength = 200;

    /// <summary>The request, or null with <paramref name="problem"/> set to a reminder text key.</summary>
    /// <param name="currentCron">The plan's own Cron, kept when the form says so.</param>
    public static FollowUpPlanRequest? Read(JsonElement data, string? currentCron, out string? problem)
    {
        problem = null;
        if (ReminderActionInput.String(data, FollowUpPlanVerbs.DateInput, MaxFieldLength) is not { } dateText
            || !(DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || ThaiDateParser.TryParse(dateText, out date)))
        {
            problem = "form.badDate";
            return null;
        }

        var afterValues = Values(data, FollowUpPlanVerbs.AfterInput, out var afterOk);
        var beforeValues = Values(data, FollowUpPlanVerbs.BeforeInput, out var beforeOk);
        if (!afterOk || !beforeOk)
        {
            problem = "error.badInput";
            return null;
        }

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
        var day = ReminderActionInput.String(data, FollowUpPlanVerbs.WeeklyDayInput, MaxFieldLength);
        if (day is null or "" or FollowUpPlanVerbs.None)
        {
            cron = null;
        }
        else if (day == FollowUpPlanVerbs.KeepCron)
        {
            cron = currentCron;
        }
        else if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var weekday) && weekday is >= 0 and <= 6
            && Time(ReminderActionInput.String(data, FollowUpPlanVerbs.WeeklyTimeInput, MaxFieldLength)) is { } at)
        {
            cron = new WeeklyCheckIn((DayOfWeek)weekday, at).ToCron();
        }
        else
        {
            problem = "form.badTime";
            return null;
        }

        TimeOnly? sendAt = null;
        var sendAtText = ReminderActionInput.String(data, FollowUpPlanVerbs.SendAtInput, MaxFieldLength);
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

    /// <summary>A multi-select's values (comma-separated); <paramref name="ok"/> is false when the field is not text.</summary>
    private static IEnumerable<string> Values(JsonElement data, string field, out bool ok)
    {
        ok = ReminderActionInput.IsStringOrMissing(data, field);
        var text = ReminderActionInput.String(data, field, MaxFieldLength);
        if (!ok || text is null)
        {
            ok = ok && (text is not null || !HasField(data, field) || IsNull(data, field));
            return [];
        }

        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal);
    }

    private static bool HasField(JsonElement data, string field) => data.ValueKind == JsonValueKind.Object && data.TryGetProperty(field, out _);

    private static bool IsNull(JsonElement data, string field) => data.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Null;
}
