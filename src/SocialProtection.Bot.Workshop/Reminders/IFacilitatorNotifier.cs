using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Tells a workshop group's facilitator that a partner needs help. The reminder scheduler calls it from its durable
/// queue and does the sending itself (paced, retried, never twice), so an implementation only says where the message
/// goes and what it says. The facilitator feature may replace the default, which posts into the conversation the
/// follow-up plan was set from (<see cref="FollowUpPlan.FacilitatorConversation"/>).
/// </summary>
internal interface IFacilitatorNotifier
{
    /// <summary>The message for the facilitator, or null when no one can be reached (recorded as failed, visible in the view).</summary>
    Task<OutboundMessage?> ComposeAsync(HelpRequest request, CancellationToken cancellationToken);
}
