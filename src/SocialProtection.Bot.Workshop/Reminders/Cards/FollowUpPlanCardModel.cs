namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>What the plan form shows: the workshop, its current plan (or the defaults), and a confirmation once saved.</summary>
/// <param name="DefaultDate">The workshop date when there is no plan yet (the workshop's own date, else today).</param>
/// <param name="DefaultSendTime">The configured time of day for dated reminders.</param>
/// <param name="Confirmation">After a save: the confirmation (Thai, then English), shown above the form.</param>
internal sealed record FollowUpPlanCardModel(
    string WorkshopId,
    string? WorkshopTitle,
    FollowUpPlan? Plan,
    DateOnly DefaultDate,
    TimeOnly DefaultSendTime,
    string? Confirmation = null);
