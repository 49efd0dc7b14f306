using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>What the facilitator's follow-up view shows: every partner's commitments in one workshop, as of <see cref="Now"/>.</summary>
/// <param name="RefreshUserIds">Teams ids of the facilitators whose client refreshes the card by itself (at most 60; empty: refresh by hand).</param>
/// <param name="Language">The first language of the card; the other one is shown under it (channel cards: Thai).</param>
/// <param name="WorkshopTitle">The workshop's title as set up; null where only its id is known.</param>
/// <param name="Labels">How each partner (by user key) is named, as the summary numbers them; null to number them in list order.</param>
/// <param name="Forecast">The plan's next reminder and reach; null to leave it out.</param>
internal sealed record FollowUpViewModel(
    string WorkshopId,
    FollowUpPlan? Plan,
    IReadOnlyList<PartnerFollowUp> Partners,
    Language Language,
    DateOnly Today,
    DateTimeOffset Now,
    IReadOnlyList<string> RefreshUserIds,
    string? WorkshopTitle = null,
    IReadOnlyDictionary<string, LocalizedText>? Labels = null,
    FollowUpForecast? Forecast = null);
