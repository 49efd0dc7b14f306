using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// When reminders may go out ("Reminders:Schedule"): the workshop's time zone, its working hours and days,
/// the public holidays to skip, and the quiet hours used for partners who set none.
/// </summary>
internal sealed class ReminderScheduleOptions
{
    public const string SectionName = "Reminders:Schedule";

    /// <summary>The zone every plan is read in: the workshop's, not the partner's.</summary>
    public string TimeZoneId { get; set; } = "Asia/Bangkok";

    public TimeOnly WorkdayStart { get; set; } = new(9, 0);

    /// <summary>The end of the working day; a reminder is never sent at or after it.</summary>
    public TimeOnly WorkdayEnd { get; set; } = new(17, 0);

    /// <summary>The days reminders may go out on; Monday to Friday unless configured.</summary>
    public IList<DayOfWeek> WorkingDays { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Public holidays (dates in the workshop's zone) on which nothing is sent, e.g. the Thai cabinet's list for the year.</summary>
    public IList<DateOnly> Holidays { get; set; } = [];

    /// <summary>The local time a date-based reminder (N days after the workshop, N days before a due date) aims for.</summary>
    public TimeOnly DefaultSendTime { get; set; } = new(9, 30);

    /// <summary>
    /// Quiet hours in the partner's own time zone for partners who set none; applied only when their zone is known
    /// and differs from the workshop's (inside the workshop's zone the working hours already keep nights free).
    /// Null for none.
    /// </summary>
    public QuietHours? DefaultQuietHours { get; set; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    /// <summary>Recurring check-ins (Cron) stop this many days after a commitment's due date.</summary>
    public int RecurringDaysAfterDue { get; set; } = 30;

    /// <summary>How far ahead to look for an allowed time before giving up on a reminder (e.g. quiet hours that cover every working hour).</summary>
    public int MaxSearchDays { get; set; } = 60;
}
