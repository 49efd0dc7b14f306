using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Sends help requests to the channel (or group chat) the workshop's follow-up plan was set from.</summary>
internal sealed class PlanChannelFacilitatorNotifier(FollowUpStore store) : IFacilitatorNotifier
{
    public async Task<OutboundMessage?> ComposeAsync(HelpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await store.GetPlanAsync(request.WorkshopId, cancellationToken);
        if (plan?.FacilitatorConversation is not { Conversation.Id.Length: > 0 } conversation)
        {
            return null;
        }

        // No activity id: a new message in the channel, not a reply to the message the plan was set with.
        return new OutboundMessage(conversation with { ActivityId = null }, MessageFactory.Card(HelpRequestCard.Build(request).ToAttachment()));
    }
}
