using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>Why <see cref="ThaiDateParser"/> rejected a date, so the dialog can say exactly what to fix.</summary>
public enum ThaiDateError
{
    /// <summary>The date was read.</summary>
    None,

    /// <summary>Nothing was written.</summary>
    Empty,

    /// <summary>Not a date in any accepted form.</summary>
    UnrecognizedFormat,

    /// <summary>A word stands where the month name should be, but it names no month.</summary>
    UnknownMonthName,

    /// <summary>The month number is not 1 to 12.</summary>
    MonthOutOfRange,

    /// <summary>That day does not exist in that month (31/02, or 29/02 outside a leap year).</summary>
    DayOutOfRange,

    /// <summary>The year is outside the accepted span (<see cref="ThaiDateParser.MinYear"/> to <see cref="ThaiDateParser.MaxYear"/> CE).</summary>
    YearOutOfRange,

    /// <summary>A year contradicts its stated era (พ.ศ. 2026, ค.ศ. 2569), or the two years given disagree.</summary>
    EraMismatch,
}
