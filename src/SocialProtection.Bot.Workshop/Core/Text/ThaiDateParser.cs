using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// Reads a calendar date the way Thai participants write one. Accepted forms (Thai digits anywhere, any case):
/// <list type="bullet">
/// <item>Day first with / - or . : <c>31/12/2569</c>, <c>31-12-2026</c>, <c>๓๑.๑๒.๒๕๖๙</c>. The day always comes first (Thai and British order).</item>
/// <item>ISO year first: <c>2026-12-31</c>, <c>2569/12/31</c>.</item>
/// <item>Month names, Thai full, abbreviated (dots optional) or spoken (ธันวา), English full or short (Dec, Sept):
/// <c>31 ธันวาคม 2569</c>, <c>วันที่ 31 ธ.ค. 69</c>, <c>31 Dec 2026</c>, <c>December 31, 2026</c>; an era may stand before or after the year
/// (<c>พ.ศ.</c>, <c>ค.ศ.</c>, <c>B.E.</c>, <c>C.E.</c>, <c>A.D.</c>) and the other era's year may follow in parentheses,
/// as <see cref="ThaiDateFormatter"/> writes it (<c>31 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026)</c>).</item>
/// </list>
/// Years: without an era, a 4-digit year of 2400 or more is Buddhist era (BE = CE + 543) and below 2400 Common era;
/// the two ranges cannot meet for any plausible date (BE 2400 is CE 1857). A 2-digit year is Buddhist era (69 → 2569),
/// as Thais abbreviate it, except beside an English month name or after C.E./A.D., where it is Common era (26 → 2026).
/// Dates outside <see cref="MinYear"/> to <see cref="MaxYear"/> CE are rejected. Pure and thread-safe.
/// </summary>
internal static partial class ThaiDateParser
{
    /// <summary>The earliest Common-era year accepted.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest Common-era year accepted.</summary>
    public const int MaxYear = 2299;

    private const int EraOffset = 543;
    private const int FirstBuddhistOnlyYear = 2400;
    private const int MaxInputLength = 80;

    private const string EraPattern = @"(?:พ\.?\s?ศ|ค\.?\s?ศ|b\.?\s?e|c\.?\s?e|a\.?\s?d)\.?";
    private const string YearPattern = @"(?:(?<era>" + EraPattern + @")\s?)?(?<y>\d{4}|\d{2})(?:\s?(?<era>" + EraPattern + "))?";
    private const string OtherYearPattern = @"(?:\s?\(\s?(?:(?<era2>" + EraPattern + @")\s?)?(?<y2>\d{4})(?:\s?(?<era2>" + EraPattern + @"))?\s?\))?";
    private const string MonthPattern = @"(?<mon>[\p{L}\p{M}]+(?:\.\s?[\p{L}\p{M}]+)*\.?)";
    private const string DayPattern = @"(?<d>\d{1,2})(?:st|nd|rd|th)?";

    private static readonly FrozenDictionary<string, (int Month, bool English)> MonthsByName = BuildMonthNames();

    private enum Era
    {
        Unstated,
        Buddhist,
        Common,
    }

    /// <summary>Reads <paramref name="input"/> as a date; see the type's summary for the accepted forms.</summary>
    public static bool TryParse(string? input, out DateOnly date) => TryParse(input, out date, out _);

    /// <summary>Reads <paramref name="input"/> as a date, or says why it is not one.</summary>
    public static bool TryParse(string? input, out DateOnly date, out ThaiDateError error)
    {
        var reading = Read(input);
        date = reading.Date ?? default;
        error = reading.Error;
        return error == ThaiDateError.None;
    }

    /// <summary>
    /// Reads <paramref name="input"/> as a date; when it is not one, says why, and for a day the month does not have
    /// (31/02) which day and month were written, so the participant can be told "there is no 31 February".
    /// </summary>
    public static ThaiDateReading Read(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new ThaiDateReading(null, ThaiDateError.Empty, 0, 0);
        }

        if (input.Length > MaxInputLength)
        {
            return new ThaiDateReading(null, ThaiDateError.UnrecognizedFormat, 0, 0);
        }

        var error = Read(Clean(input), out var date, out var day, out var month);
        return new ThaiDateReading(error == ThaiDateError.None ? date : null, error, day, month);
    }

    private static ThaiDateError Read(string text, out DateOnly date, out int day, out int month)
    {
        date = default;
        day = 0;
        month = 0;
        var match = DayMonthYearNumbers().Match(text);
        if (!match.Success)
        {
            match = YearMonthDayNumbers().Match(text);
        }

        if (match.Success)
        {
            month = Number(match, "m");
            day = Number(match, "d");
            return Resolve(match, month, englishMonth: false, out date);
        }

        match = DayMonthNameYear().Match(text);
        if (!match.Success)
        {
            match = MonthNameDayYear().Match(text);
        }

        if (!match.Success)
        {
            return ThaiDateError.UnrecognizedFormat;
        }

        if (!MonthsByName.TryGetValue(MonthKey(match.Groups["mon"].Value), out var named))
        {
            return ThaiDateError.UnknownMonthName;
        }

        month = named.Month;
        day = Number(match, "d");
        return Resolve(match, named.Month, named.English, out date);
    }

    private static ThaiDateError Resolve(Match match, int month, bool englishMonth, out DateOnly date)
    {
        date = default;
        var error = ResolveYear(match.Groups["y"].Value, EraOf(match.Groups["era"]), englishMonth, out var year);
        if (error != ThaiDateError.None)
        {
            return error;
        }

        if (match.Groups["y2"].Success)
        {
            error = ResolveYear(match.Groups["y2"].Value, EraOf(match.Groups["era2"]), englishMonth, out var otherYear);
            if (error != ThaiDateError.None)
            {
                return error;
            }

            if (otherYear != year)
            {
                return ThaiDateError.EraMismatch;
            }
        }

        if (month is < 1 or > 12)
        {
            return ThaiDateError.MonthOutOfRange;
        }

        var day = Number(match, "d");
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return ThaiDateError.DayOutOfRange;
        }

        date = new DateOnly(year, month, day);
        return ThaiDateError.None;
    }

    private static ThaiDateError ResolveYear(string digits, Era era, bool englishMonth, out int year)
    {
        var value = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (digits.Length == 2)
        {
            var buddhist = era == Era.Buddhist || (era == Era.Unstated && !englishMonth);
            year = buddhist ? 2500 + value - EraOffset : 2000 + value;
        }
        else
        {
            if ((era == Era.Buddhist && value < FirstBuddhistOnlyYear) || (era == Era.Common && value >= FirstBuddhistOnlyYear))
            {
                year = 0;
                return ThaiDateError.EraMismatch;
            }

            year = value >= FirstBuddhistOnlyYear ? value - EraOffset : value;
        }

        return year is < MinYear or > MaxYear ? ThaiDateError.YearOutOfRange : ThaiDateError.None;
    }

    private static Era EraOf(Group group)
    {
        if (!group.Success)
        {
            return Era.Unstated;
        }

        // Before and after the year may both be given; they must agree.
        var eras = group.Captures.Select(capture => capture.Value[0] is 'พ' or 'b' ? Era.Buddhist : Era.Common).Distinct().ToArray();
        return eras.Length == 1 ? eras[0] : Era.Unstated;
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Clean(string input)
    {
        var text = ThaiTextNormalizer.Normalize(ThaiDigits.ToAscii(input)).ToLowerInvariant();
        text = Whitespace().Replace(text, " ").Trim();
        return text.StartsWith("วันที่", StringComparison.Ordinal) ? text["วันที่".Length..].TrimStart() : text;
    }

    private static string MonthKey(string name) => name.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    private static FrozenDictionary<string, (int Month, bool English)> BuildMonthNames()
    {
        var names = new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
        foreach (var (calendar, english) in new[] { (CalendarNames.Thai, false), (CalendarNames.English, true) })
        {
            for (var i = 0; i < 12; i++)
            {
                foreach (var name in new[] { calendar.Months[i], calendar.ShortMonths[i], calendar.SpokenMonths[i] })
                {
                    names[MonthKey(ThaiTextNormalizer.Normalize(name).ToLowerInvariant())] = (i + 1, english);
                }
            }
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^(?<d>\d{1,2})\s?(?<s>[/.\-])\s?(?<m>\d{1,2})\s?\k<s>\s?(?<y>\d{4}|\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYearNumbers();

    [GeneratedRegex(@"^(?<y>\d{4})(?<s>[/.\-])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthDayNumbers();

    [GeneratedRegex("^" + DayPattern + @"\s?(?:of\s)?" + MonthPattern + @"\s?,?\s?" + YearPattern + OtherYearPattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthNameYear();

    [GeneratedRegex("^" + MonthPattern + @"\s?" + DayPattern + @"\s?,?\s?" + YearPattern + OtherYearPattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthNameDayYear();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
