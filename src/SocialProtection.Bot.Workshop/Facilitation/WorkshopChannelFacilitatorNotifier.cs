using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// "Need help" from a partner goes to the channel the workshop was set up in. A workshop with no record (one known only
/// from its follow-up plan) falls back to where the plan was set (<see cref="PlanChannelFacilitatorNotifier"/>).
/// </summary>
internal sealed class WorkshopChannelFacilitatorNotifier(WorkshopStore workshops, FollowUpStore followUps) : IFacilitatorNotifier
{
    private readonly PlanChannelFacilitatorNotifier _fallback = new(followUps);

    public async Task<OutboundMessage?> ComposeAsync(HelpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!WorkshopIds.IsValid(request.WorkshopId) || await workshops.GetAsync(request.WorkshopId, cancellationToken) is not { } workshop)
        {
            return await _fallback.ComposeAsync(request, cancellationToken);
        }
        return new OutboundMessage(workshop.Channel, MessageFactory.Card(HelpRequestCard.Build(request).ToAttachment()));
    }
}
