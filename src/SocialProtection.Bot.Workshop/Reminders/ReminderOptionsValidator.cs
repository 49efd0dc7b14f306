using Microsoft.Extensions.Options;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Refuses settings the reminders cannot work with, at startup, with a message naming the setting.</summary>
internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderScheduleOptions>, IValidateOptions<ReminderSchedulerOptions>, IValidateOptions<TeamsRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (ReminderScheduleCalculator.FindZone(options.TimeZoneId) is null)
        {
            failures.Add($"Reminders:Schedule:TimeZoneId '{options.TimeZoneId}' is not a known time zone.");
        }

        if (options.WorkdayEnd <= options.WorkdayStart)
        {
            failures.Add("Reminders:Schedule:WorkdayEnd must be after WorkdayStart.");
        }

        if (options.WorkingDays.Count == 0)
        {
            failures.Add("Reminders:Schedule:WorkingDays needs at least one day.");
        }

        if (options.MaxSearchDays is < 1 or > 366 || options.RecurringDaysAfterDue is < 0 or > 366)
        {
            failures.Add("Reminders:Schedule:MaxSearchDays is 1–366 days and RecurringDaysAfterDue 0–366.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, ReminderSchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A finished reminder must be remembered as long as a planner could still compute it, or it would go out again.
        return options.FinishedRetention <= options.MaxLateness + options.PlanningHorizon
            ? ValidateOptionsResult.Fail("Reminders:Scheduler:FinishedRetention must be longer than MaxLateness plus PlanningHorizon.")
            : options.FirstRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.FirstRetryDelay
                ? ValidateOptionsResult.Fail("Reminders:Scheduler:FirstRetryDelay must be positive and at most MaxRetryDelay.")
                : ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, TeamsRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PerTenantPerSecond < 1 || options.PerAppPerSecond < 1 || options.PerConversation.Count == 0 || options.PerConversation.Any(w => w.Limit < 1 || w.Period <= TimeSpan.Zero)
            ? ValidateOptionsResult.Fail("Reminders:RateLimits needs a per-tenant rate and a per-app rate (PerAppPerSecond) of at least 1 per second and positive per-conversation windows.")
            : ValidateOptionsResult.Success;
    }
}
