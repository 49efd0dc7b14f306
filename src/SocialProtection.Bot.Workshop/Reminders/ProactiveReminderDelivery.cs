using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Reminders.Cards;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Reminders go to the partner's personal chat with the bot, through the conversation reference the dialog stored.
/// When none is stored but the partner's Teams id is known, a 1:1 chat is created in the workshop's tenant (from
/// the conversation the plan was set in) and stored for next time. Help requests go where <see cref="IFacilitatorNotifier"/> says.
/// </summary>
internal sealed class ProactiveReminderDelivery(
    IProactiveMessenger messenger,
    UserProfileStore profiles,
    IFacilitatorNotifier facilitators,
    TeamsSendPacer pacer,
    ReminderScheduleCalculator calculator) : IReminderDelivery
{
    public async Task<OutboundMessage> ComposeAsync(ReminderOccurrence occurrence, FollowUpPlan plan, PartnerFollowUp partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(partner);
        var commitment = partner.Find(occurrence.CommitmentId)
            ?? throw new ReminderDeliveryException(CancelReasons.CommitmentRemoved, retryable: false);

        if (occurrence.Kind == ReminderKind.HelpRequest)
        {
            var request = new HelpRequest(plan.WorkshopId, partner.UserKey, partner.DisplayName, commitment, occurrence.Note, occurrence.CreatedAt);
            return await facilitators.ComposeAsync(request, cancellationToken)
                ?? throw new ReminderDeliveryException(CancelReasons.NoFacilitatorConversation, retryable: false);
        }

        var reference = await PersonalConversationAsync(plan, partner, cancellationToken);
        // The partner's chosen language, else the one their Teams client last reported.
        var language = LanguageCodes.ParseOrDefault(partner.Language ?? reference.Locale, Language.Thai);
        var card = ReminderCard.Build(new ReminderCardModel(partner, commitment, occurrence.Kind, language, calculator.Today));
        return new OutboundMessage(reference with { ActivityId = null }, MessageFactory.Card(card.ToAttachment()));
    }

    public async Task<string?> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        string? id = null;
        await messenger.ContinueConversationAsync(message.Conversation, async (turn, token) =>
        {
            id = (await turn.SendActivityAsync(message.Activity, token)).Id;
        }, cancellationToken);
        return id;
    }

    private async Task<ConversationReference> PersonalConversationAsync(FollowUpPlan plan, PartnerFollowUp partner, CancellationToken cancellationToken)
    {
        if ((await profiles.GetConversationAsync(partner.UserKey, cancellationToken))?.Reference is { Conversation.Id.Length: > 0 } stored)
        {
            return stored;
        }

        // Without a stored chat, one can be opened only with the tenant, service URL and bot id of a conversation we know.
        if (partner.TeamsUserId is not { Length: > 0 } userId
            || plan.FacilitatorConversation is not { ServiceUrl.Length: > 0, Bot.Id.Length: > 0 } known
            || (known.TenantId ?? known.Conversation?.TenantId) is not { Length: > 0 } tenantId)
        {
            throw new ReminderDeliveryException(CancelReasons.NoConversation, retryable: true);
        }

        await pacer.AcquireAsync(tenantId, "create:" + userId, cancellationToken);
        var created = await messenger.CreatePersonalConversationAsync(
            known.ServiceUrl, tenantId, new ChannelAccount { Id = userId, Name = partner.DisplayName }, known.Bot.Id, cancellationToken);
        await profiles.SaveConversationAsync(partner.UserKey, created, known: null, cancellationToken);
        return created;
    }
}
