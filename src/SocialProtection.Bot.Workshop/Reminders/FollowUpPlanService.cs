using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Sets, closes and reopens a workshop's follow-up plan, checking it first.</summary>
internal sealed class FollowUpPlanService(FollowUpStore store, ReminderScheduleCalculator calculator)
{
    public const int MaxDaysBeforeDue = 365;
    public const int MaxRules = 12;

    /// <summary>The reminder text key of the first problem with <paramref name="request"/>, or null when it is fine.</summary>
    public string? Check(FollowUpPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AfterWorkshop.IsDefaultOrEmpty && request.DaysBeforeDue.IsDefaultOrEmpty && request.RecurringCron is null)
        {
            return "plan.nothing";
        }

        if (request.AfterWorkshop.Length + request.DaysBeforeDue.Length > MaxRules
            || request.DaysBeforeDue.Any(d => d is < 1 or > MaxDaysBeforeDue))
        {
            return "plan.usage";
        }

        return request.RecurringCron is { } cron && !IsDailyOrRarer(cron) ? "plan.badCron" : null;
    }

    /// <summary>Stores the plan (a new version, so every partner is planned again) and returns it; throws <see cref="ArgumentException"/> when <see cref="Check"/> fails.</summary>
    public async Task<FollowUpPlan> SetAsync(string workshopId, FollowUpPlanRequest request, string facilitatorUserKey, ConversationReference? facilitatorConversation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        ArgumentException.ThrowIfNullOrEmpty(facilitatorUserKey);
        if (Check(request) is { } problem)
        {
            throw new ArgumentException($"The plan is not valid ({problem}).", nameof(request));
        }

        var now = calculator.Time.GetUtcNow();
        var result = await store.UpdatePlanAsync(workshopId, current =>
        {
            var plan = current ?? new FollowUpPlan { WorkshopId = workshopId, WorkshopDate = request.WorkshopDate };
            return UpdateDecision.Write(plan with
            {
                WorkshopDate = request.WorkshopDate,
                AfterWorkshop = [.. request.AfterWorkshop.Distinct()],
                DaysBeforeDue = [.. request.DaysBeforeDue.Distinct().Order()],
                RecurringCron = request.RecurringCron,
                SendAt = request.SendAt,
                FacilitatorUserKeys = plan.FacilitatorUserKeys.Contains(facilitatorUserKey) ? plan.FacilitatorUserKeys : plan.FacilitatorUserKeys.Add(facilitatorUserKey),
                FacilitatorConversation = facilitatorConversation ?? plan.FacilitatorConversation,
                Version = plan.Version + 1,
                UpdatedAt = now,
            });
        }, cancellationToken);
        return result.Value!;
    }

    /// <summary>Closes (true) or reopens (false) the follow-up; null when the workshop has no plan.</summary>
    public async Task<FollowUpPlan?> SetClosedAsync(string workshopId, bool closed, CancellationToken cancellationToken)
    {
        var now = calculator.Time.GetUtcNow();
        var result = await store.UpdatePlanAsync(workshopId, current => current is null || current.IsClosed == closed
            ? UpdateDecision.NoChange<FollowUpPlan>()
            : UpdateDecision.Write(current with { ClosedAt = closed ? now : null, Version = current.Version + 1, UpdatedAt = now }), cancellationToken);
        return result.Value;
    }

    /// <summary>True when the expression parses and never fires twice within 23 hours (one reminder a day at most).</summary>
    public bool IsDailyOrRarer(string cron)
    {
        if (!ReminderScheduleCalculator.TryParseCron(cron, out var expression))
        {
            return false;
        }

        var from = calculator.Time.GetUtcNow();
        var occurrences = expression.GetOccurrences(from, from.AddYears(2), calculator.Zone, fromInclusive: true, toInclusive: false).Take(60).ToList();
        return occurrences.Count > 0 && occurrences.Zip(occurrences.Skip(1)).All(p => p.Second - p.First >= TimeSpan.FromHours(23));
    }

    /// <summary>A one-line summary of the plan, for the confirmation.</summary>
    public static string Describe(FollowUpPlan plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var none = ReminderText.Default.Get("plan.none", language);
        return ReminderText.Default.Format("plan.summary", language,
            ThaiDateFormatter.Format(plan.WorkshopDate, language),
            plan.AfterWorkshop.IsDefaultOrEmpty ? none : string.Join(", ", plan.AfterWorkshop),
            plan.DaysBeforeDue.IsDefaultOrEmpty ? none : string.Join(", ", plan.DaysBeforeDue),
            plan.RecurringCron ?? none);
    }
}
