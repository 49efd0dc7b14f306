using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Loads a workshop's follow-up and renders the facilitator's view (cards) and the export part (CSV). Loading first
/// takes in what participants submitted since (with or without a plan), so a commitment shows in the view the moment
/// it is submitted rather than at the next planning round; partners are named as the group summary numbers them.
/// </summary>
internal sealed class FollowUpViewService(
    FollowUpStore store,
    ReminderScheduleCalculator calculator,
    ParticipantCommitmentSync sync,
    IOptions<ReminderSchedulerOptions> scheduler,
    WorkshopStore? workshops = null)
{
    private readonly FollowUpParticipantReader _participants = new(store.Objects);

    public async Task<IReadOnlyList<AdaptiveCard>> CardsAsync(string workshopId, Language language, IReadOnlyList<string> refreshUserIds, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(workshopId, cancellationToken);
        return FollowUpViewCard.Build(new FollowUpViewModel(workshopId, snapshot.Plan, snapshot.Partners, language, calculator.Today, calculator.Time.GetUtcNow(),
            refreshUserIds, snapshot.Workshop?.Title, snapshot.Labels, snapshot.Forecast));
    }

    /// <summary>The workshop's follow-up as of now, participants' newest commitments included.</summary>
    public async Task<FollowUpSnapshot> LoadAsync(string workshopId, CancellationToken cancellationToken)
    {
        var workshop = workshops is not null && WorkshopIds.IsValid(workshopId) ? await workshops.GetAsync(workshopId, cancellationToken) : null;
        var participants = await _participants.ReadAllAsync(workshopId, cancellationToken);
        var partners = await PartnersAsync(workshopId, cancellationToken);
        if (await sync.SyncChangedAsync(workshopId, participants, partners, cancellationToken) > 0)
        {
            partners = await PartnersAsync(workshopId, cancellationToken);
        }

        var plan = await store.GetPlanAsync(workshopId, cancellationToken);
        var labels = workshop is null ? null : PartnerLabels.For(workshop, participants);
        return new FollowUpSnapshot(workshopId, workshop, plan, partners, labels,
            FollowUpForecast.Of(plan, partners, calculator, scheduler.Value.MaxLateness));
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
