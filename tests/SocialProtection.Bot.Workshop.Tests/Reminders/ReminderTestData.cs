using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>Plans, partners and instants the reminder tests share. Times are written as Bangkok wall-clock times.</summary>
internal static class ReminderTestData
{
    public const string WorkshopId = "ws-2026-03";

    public static readonly TimeZoneInfo Bangkok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

    /// <summary>The UTC instant of a Bangkok wall-clock time.</summary>
    public static DateTimeOffset Bkk(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    public static DateTime BangkokWallClock(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Bangkok).DateTime;

    public static ReminderScheduleOptions Options(params DateOnly[] holidays) => new() { Holidays = [.. holidays] };

    public static FollowUpPlan Plan(DateOnly workshopDate, string[]? after = null, int[]? beforeDue = null, string? cron = null, long version = 1) => new()
    {
        WorkshopId = WorkshopId,
        WorkshopDate = workshopDate,
        AfterWorkshop = [.. (after ?? []).Select(Offset)],
        DaysBeforeDue = [.. beforeDue ?? []],
        RecurringCron = cron,
        Version = version,
    };

    public static FollowUpOffset Offset(string text) =>
        FollowUpOffset.TryParse(text, out var offset) ? offset : throw new ArgumentException($"Not an offset: {text}");

    public static FollowUpCommitment Commitment(string id, DateOnly due, CommitmentStatus status = CommitmentStatus.NotStarted) => new()
    {
        Id = id,
        Action = "จัดประชุมเครือข่ายภาคีระดับจังหวัด",
        Organisation = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
        DueDate = due,
        Status = status,
    };

    public static PartnerFollowUp Partner(string userKey = "aad-partner-1", string? timeZoneId = null, QuietHours? quiet = null, params FollowUpCommitment[] commitments) => new()
    {
        WorkshopId = WorkshopId,
        UserKey = userKey,
        TeamsUserId = "29:" + userKey,
        TimeZoneId = timeZoneId,
        QuietHours = quiet,
        Commitments = [.. commitments],
    };

    public static ImmutableArray<T> Array<T>(params T[] items) => [.. items];
}
