using System.Globalization;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// Writes dates and times for people, always with both the Buddhist-era and the Common-era year, and times on the
/// Bangkok clock (<see cref="BangkokTime"/>). Wording comes from the embedded CalendarNames.json. Pure and thread-safe.
/// </summary>
internal static class ThaiDateFormatter
{
    private const int EraOffset = 543;

    /// <summary>Thai "31 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026)"; English "31 December 2026 (B.E. 2569)".</summary>
    public static string Format(DateOnly date, Language language)
    {
        var names = CalendarNames.For(language);
        return Compose(names.LongDate, date, names.Months, time: "");
    }

    /// <summary>Thai "31 ธ.ค. 2569 (2026)"; English "31 Dec 2026 (BE 2569)".</summary>
    public static string FormatShort(DateOnly date, Language language)
    {
        var names = CalendarNames.For(language);
        return Compose(names.ShortDate, date, names.ShortMonths, time: "");
    }

    /// <summary>The Bangkok wall-clock time of an instant: Thai "14:30 น."; English "14:30 ICT".</summary>
    public static string FormatTime(DateTimeOffset instant, Language language)
    {
        var names = CalendarNames.For(language);
        var local = BangkokTime.ToLocal(instant);
        return Compose(names.Time, DateOnly.FromDateTime(local.DateTime), names.Months, Clock(local));
    }

    /// <summary>
    /// The Bangkok date and time of an instant: Thai "31 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026) เวลา 14:30 น.";
    /// English "31 December 2026 (B.E. 2569) at 14:30 ICT".
    /// </summary>
    public static string FormatDateTime(DateTimeOffset instant, Language language)
    {
        var names = CalendarNames.For(language);
        var local = BangkokTime.ToLocal(instant);
        return Compose(names.DateTime, DateOnly.FromDateTime(local.DateTime), names.Months, Clock(local));
    }

    private static string Clock(DateTimeOffset local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Compose(System.Text.CompositeFormat format, DateOnly date, IReadOnlyList<string> months, string time) =>
        string.Format(CultureInfo.InvariantCulture, format, date.Day, months[date.Month - 1], date.Year + EraOffset, date.Year, time);
}
