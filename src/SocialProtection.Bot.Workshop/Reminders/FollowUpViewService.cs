using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Loads a workshop's follow-up and renders the facilitator's view (cards) and the export part (CSV).</summary>
internal sealed class FollowUpViewService(FollowUpStore store, ReminderScheduleCalculator calculator)
{
    public async Task<IReadOnlyList<AdaptiveCard>> CardsAsync(string workshopId, Language language, IReadOnlyList<string> refreshUserIds, CancellationToken cancellationToken)
    {
        var plan = await store.GetPlanAsync(workshopId, cancellationToken);
        var partners = await PartnersAsync(workshopId, cancellationToken);
        return FollowUpViewCard.Build(new FollowUpViewModel(workshopId, plan, partners, language, calculator.Today, calculator.Time.GetUtcNow(), refreshUserIds));
    }

    private async Task<List<PartnerFollowUp>> PartnersAsync(string workshopId, CancellationToken cancellationToken)
    {
        var partners = new List<PartnerFollowUp>();
        await foreach (var partner in store.ListPartnersAsync(workshopId, cancellationToken))
        {
            partners.Add(partner);
        }

        return partners;
    }
}
