using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>A facilitator's plan as asked for, before it is checked and stored.</summary>
internal sealed record FollowUpPlanRequest(
    DateOnly WorkshopDate,
    ImmutableArray<FollowUpOffset> AfterWorkshop,
    ImmutableArray<int> DaysBeforeDue,
    string? RecurringCron = null,
    TimeOnly? SendAt = null);
