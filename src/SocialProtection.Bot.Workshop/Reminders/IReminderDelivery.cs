using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// How a queued reminder reaches its reader, in two steps so the scheduler can pace between them: compose (where to,
/// what), then one send. Failures surface as exceptions (<see cref="DeliveryFailure.Of"/> classifies them).
/// </summary>
internal interface IReminderDelivery
{
    /// <summary>The message for <paramref name="occurrence"/>; throws <see cref="ReminderDeliveryException"/> when it has nowhere to go.</summary>
    Task<OutboundMessage> ComposeAsync(ReminderOccurrence occurrence, FollowUpPlan plan, PartnerFollowUp partner, CancellationToken cancellationToken);

    /// <summary>Sends the message (one connector call) and returns the new activity's id when the channel gives one.</summary>
    Task<string?> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
