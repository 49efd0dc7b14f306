using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cronos;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Works out when reminders are due. Plans are read in the workshop's zone (Asia/Bangkok); every reminder is moved
/// forward into working hours on a working day that is not a holiday, and out of the partner's quiet hours (read
/// in the partner's own zone, daylight saving included). Pure apart from the clock; every instant it returns is UTC.
/// </summary>
internal sealed class ReminderScheduleCalculator
{
    private const int MaxRecurringPerCall = 400;

    private readonly ReminderScheduleOptions _options;
    private readonly TimeProvider _time;
    private readonly HashSet<DayOfWeek> _workingDays;
    private readonly HashSet<DateOnly> _holidays;

    public ReminderScheduleCalculator(ReminderScheduleOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.WorkdayEnd <= options.WorkdayStart)
        {
            throw new ArgumentException("The working day must end after it starts.", nameof(options));
        }

        if (options.WorkingDays.Count == 0)
        {
            throw new ArgumentException("At least one working day is needed.", nameof(options));
        }

        _options = options;
        _time = time;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
        _workingDays = [.. options.WorkingDays];
        _holidays = [.. options.Holidays];
    }

    /// <summary>The workshop's zone.</summary>
    public TimeZoneInfo Zone { get; }

    public TimeProvider Time => _time;

    /// <summary>Today's date in the workshop's zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), Zone).DateTime);

    public bool IsWorkingDay(DateOnly date) => _workingDays.Contains(date.DayOfWeek) && !_holidays.Contains(date);

    /// <summary>
    /// The first instant at or after <paramref name="candidate"/> when a reminder may reach this partner, or null
    /// when there is none within <see cref="ReminderScheduleOptions.MaxSearchDays"/> days.
    /// </summary>
    public DateTimeOffset? NextAllowed(DateTimeOffset candidate, PartnerFollowUp partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var quiet = EffectiveQuietHours(partner);
        var t = candidate.ToUniversalTime();
        var limit = t.AddDays(_options.MaxSearchDays);
        while (t <= limit)
        {
            var local = TimeZoneInfo.ConvertTime(t, Zone);
            var date = DateOnly.FromDateTime(local.DateTime);
            var time = TimeOnly.FromDateTime(local.DateTime);
            if (!IsWorkingDay(date) || time >= _options.WorkdayEnd)
            {
                t = ToUtc(date.AddDays(1).ToDateTime(_options.WorkdayStart), Zone);
                continue;
            }

            if (time < _options.WorkdayStart)
            {
                t = ToUtc(date.ToDateTime(_options.WorkdayStart), Zone);
                continue;
            }

            if (quiet is { } q && QuietEnd(t, q.Hours, q.Zone) is { } end)
            {
                t = end;
                continue;
            }

            return t;
        }

        return null;
    }

    /// <summary>True when a reminder may reach this partner at <paramref name="instant"/>.</summary>
    public bool IsAllowed(DateTimeOffset instant, PartnerFollowUp partner) => NextAllowed(instant, partner) == instant.ToUniversalTime();

    /// <summary>
    /// The reminders the plan asks for, for every open commitment of the partner, whose planned (nominal) time is
    /// after <paramref name="from"/> and at or before <paramref name="to"/>. Done commitments get none; reminders
    /// that would fall while a commitment is snoozed give way to the snooze reminder.
    /// </summary>
    public IReadOnlyList<PlannedReminder> Plan(FollowUpPlan plan, PartnerFollowUp partner, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(partner);
        var result = new List<PlannedReminder>();
        if (plan.IsClosed || to <= from)
        {
            return result;
        }

        foreach (var commitment in partner.Commitments)
        {
            if (commitment.Status == CommitmentStatus.Done)
            {
                continue;
            }

            foreach (var (kind, ruleKey, nominal) in Nominals(plan, commitment, from, to))
            {
                if (nominal <= from || nominal > to)
                {
                    continue;
                }

                if (NextAllowed(nominal, partner) is not { } dueAt)
                {
                    continue;
                }

                if (kind != ReminderKind.Snooze && commitment.SnoozedUntil is { } snoozed && dueAt < snoozed)
                {
                    continue;
                }

                result.Add(new PlannedReminder(commitment.Id, kind, ruleKey, nominal, dueAt));
            }
        }

        result.Sort(static (a, b) => a.DueAt.CompareTo(b.DueAt));
        return result;
    }

    /// <summary>
    /// Whether the current plan and commitment still ask for the reminder named <paramref name="ruleKey"/>
    /// (planned for <paramref name="nominal"/>): false once the plan changed, the due date moved or a newer snooze
    /// replaced it.
    /// </summary>
    public bool IsStillPlanned(FollowUpPlan plan, FollowUpCommitment commitment, string ruleKey, DateTimeOffset nominal)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(commitment);
        var from = nominal.AddSeconds(-1);
        var to = nominal.AddSeconds(1);
        foreach (var (_, key, _) in Nominals(plan, commitment, from, to))
        {
            if (key == ruleKey)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>When a reminder snoozed now for <paramref name="choice"/> is planned for (before working hours are applied).</summary>
    public DateTimeOffset SnoozeTarget(SnoozeChoice choice) => _time.GetUtcNow().ToUniversalTime() + choice.Duration();

    /// <summary>The rule key of a snooze reminder: the n-th snooze of the commitment, planned for <paramref name="nominal"/>.</summary>
    public static string SnoozeRuleKey(int snoozeNumber, DateTimeOffset nominal) =>
        string.Create(CultureInfo.InvariantCulture, $"snooze:{snoozeNumber}@{nominal.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");

    /// <summary>The quiet hours that apply to the partner and the zone they are read in, or null for none.</summary>
    public (QuietHours Hours, TimeZoneInfo Zone)? EffectiveQuietHours(PartnerFollowUp partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var partnerZone = FindZone(partner.TimeZoneId);
        if (partner.QuietHours is { } own)
        {
            return (own, partnerZone ?? Zone);
        }

        if (_options.DefaultQuietHours is { } fallback && partnerZone is not null && partnerZone.Id != Zone.Id)
        {
            return (fallback, partnerZone);
        }

        return null;
    }

    /// <summary>The zone for an IANA (or Windows) id, or null when it is missing or unknown.</summary>
    public static TimeZoneInfo? FindZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : null;
    }

    private IEnumerable<(ReminderKind Kind, string RuleKey, DateTimeOffset Nominal)> Nominals(
        FollowUpPlan plan, FollowUpCommitment commitment, DateTimeOffset from, DateTimeOffset to)
    {
        var sendAt = plan.SendAt ?? _options.DefaultSendTime;
        foreach (var offset in plan.AfterWorkshop)
        {
            var day = offset.AddTo(plan.WorkshopDate);
            yield return (ReminderKind.AfterWorkshop, $"after:{offset}@{Iso(day)}", ToUtc(day.ToDateTime(sendAt), Zone));
        }

        foreach (var daysBefore in plan.DaysBeforeDue)
        {
            // A reminder meant for a weekend or a holiday goes out on the working day before it, not after the
            // day it was meant to warn about.
            var day = commitment.DueDate.AddDays(-daysBefore);
            for (var step = 0; step < 7 && !IsWorkingDay(day); step++)
            {
                day = day.AddDays(-1);
            }

            yield return (ReminderKind.BeforeDue, $"before:{daysBefore}d@{Iso(day)}", ToUtc(day.ToDateTime(sendAt), Zone));
        }

        if (plan.RecurringCron is { Length: > 0 } cronText && TryParseCron(cronText, out var cron))
        {
            var workshopStart = ToUtc(plan.WorkshopDate.ToDateTime(TimeOnly.MinValue), Zone);
            var recurUntil = ToUtc(commitment.DueDate.AddDays(_options.RecurringDaysAfterDue + 1).ToDateTime(TimeOnly.MinValue), Zone);
            var start = from > workshopStart ? from : workshopStart;
            var end = to < recurUntil ? to : recurUntil;
            if (start < end)
            {
                var count = 0;
                foreach (var occurrence in cron.GetOccurrences(start, end, Zone, fromInclusive: false, toInclusive: true))
                {
                    if (++count > MaxRecurringPerCall)
                    {
                        break;
                    }

                    var local = TimeZoneInfo.ConvertTime(occurrence, Zone);
                    yield return (ReminderKind.Recurring,
                        string.Create(CultureInfo.InvariantCulture, $"cron@{local.DateTime:yyyy-MM-ddTHH:mm}"),
                        occurrence.ToUniversalTime());
                }
            }
        }

        if (commitment.SnoozedUntil is { } snoozed)
        {
            yield return (ReminderKind.Snooze, SnoozeRuleKey(commitment.Snoozes, snoozed), snoozed.ToUniversalTime());
        }
    }

    /// <summary>Parses a 5-field Cron expression; false (never an exception) for anything else.</summary>
    public static bool TryParseCron(string text, [NotNullWhen(true)] out CronExpression? cron) =>
        CronExpression.TryParse(text, CronFormat.Standard, out cron);

    /// <summary>
    /// When the quiet span that <paramref name="instant"/> falls into ends, or null when it falls into none.
    /// The span is read in <paramref name="zone"/>, so across a daylight-saving change it moves against UTC.
    /// </summary>
    private static DateTimeOffset? QuietEnd(DateTimeOffset instant, QuietHours quiet, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!quiet.Contains(time))
        {
            return null;
        }

        var date = DateOnly.FromDateTime(local.DateTime);
        var endDate = time < quiet.End ? date : date.AddDays(1);
        var end = ToUtc(endDate.ToDateTime(quiet.End), zone);
        return end > instant ? end : instant.AddMinutes(1);
    }

    /// <summary>
    /// The UTC instant of a wall-clock time in <paramref name="zone"/>. A time skipped by a spring-forward change
    /// becomes the first valid time after the gap; a time repeated by a fall-back change becomes its first occurrence.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(unspecified)
            ? zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
