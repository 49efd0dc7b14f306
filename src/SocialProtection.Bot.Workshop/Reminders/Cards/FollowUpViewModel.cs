using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>What the facilitator's follow-up view shows: every partner's commitments in one workshop, as of <see cref="Now"/>.</summary>
/// <param name="RefreshUserIds">Teams ids of the facilitators whose client refreshes the card by itself (at most 60; empty: refresh by hand).</param>
internal sealed record FollowUpViewModel(
    string WorkshopId,
    FollowUpPlan? Plan,
    IReadOnlyList<PartnerFollowUp> Partners,
    Language Language,
    DateOnly Today,
    DateTimeOffset Now,
    IReadOnlyList<string> RefreshUserIds);
