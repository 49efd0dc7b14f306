using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>A weekly check-in (a day and a Bangkok time), the form's friendly face of the plan's Cron expression.</summary>
internal sealed record WeeklyCheckIn(DayOfWeek Day, TimeOnly At)
{
    /// <summary>The 5-field Cron expression, e.g. "0 10 * * 1" for Mondays at 10:00.</summary>
    public string ToCron() => string.Create(CultureInfo.InvariantCulture, $"{At.Minute} {At.Hour} * * {(int)Day}");

    /// <summary>Reads an expression of exactly the form <see cref="ToCron"/> writes; false for any other Cron.</summary>
    public static bool TryParse(string? cron, [NotNullWhen(true)] out WeeklyCheckIn? checkIn)
    {
        checkIn = null;
        var parts = cron?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 5 } || parts[2] != "*" || parts[3] != "*"
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23
            || !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day > 6)
        {
            return false;
        }

        checkIn = new WeeklyCheckIn((DayOfWeek)day, new TimeOnly(hour, minute));
        return true;
    }
}
