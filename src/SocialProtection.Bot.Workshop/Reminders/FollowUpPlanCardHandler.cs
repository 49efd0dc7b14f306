using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders.Cards;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// The facilitator's follow-up buttons: open the plan form, save it, preview the next reminder (posted where the
/// button was pressed) and send that preview to one's own personal chat. Facilitators only (<see cref="IFollowUpAccess"/>);
/// every answer is Thai first, then English, since a channel reads both.
/// </summary>
internal sealed partial class FollowUpPlanCardHandler(
    FollowUpPlanning planning,
    FollowUpPlanService plans,
    FollowUpViewService views,
    FollowUpStore store,
    IFollowUpAccess access,
    ReminderScheduleCalculator calculator,
    IOptions<ReminderScheduleOptions> schedule,
    IProactiveMessenger messenger,
    UserProfileStore profiles,
    TeamsSendPacer pacer,
    ILogger<FollowUpPlanCardHandler> logger,
    WorkshopStore? workshops = null)
{
    private static readonly TextCatalog T = ReminderText.Default;

    /// <summary>"Set the follow-up plan": the form, posted as a new message under the view.</summary>
    public Task<CardActionResult> OnEditAsync(ITurnContext turn, CardAction<FollowUpPlanData> action, CancellationToken cancellationToken) =>
        AsFacilitatorAsync(turn, action, async (workshopId, _) =>
        {
            await turn.SendActivityAsync(MessageFactory.Card((await FormAsync(workshopId, null, cancellationToken)).ToAttachment()), cancellationToken);
            return CardActionResult.Nothing;
        }, cancellationToken);

    /// <summary>"Save the plan": checks the form, stores and plans it, and shows the form again under the confirmation.</summary>
    public Task<CardActionResult> OnSaveAsync(ITurnContext turn, CardAction<FollowUpPlanData> action, CancellationToken cancellationToken) =>
        AsFacilitatorAsync(turn, action, async (workshopId, identity) =>
        {
            var current = await store.GetPlanAsync(workshopId, cancellationToken);
            if (FollowUpPlanForm.Read(action.Data, current?.RecurringCron, out var formProblem) is not { } request)
            {
                return CardActionResult.Refuse(T.Both(formProblem!), 400, "InvalidPlan");
            }

            if (plans.Check(request) is { } problem)
            {
                return CardActionResult.Refuse(T.Both(problem), 400, "InvalidPlan");
            }

            var record = workshops is not null && WorkshopIds.IsValid(workshopId) ? await workshops.GetAsync(workshopId, cancellationToken) : null;
            var (plan, snapshot) = await planning.SaveAsync(workshopId, request, identity.Key,
                record?.Channel ?? ChannelConversation.Reference(turn.Activity) ?? turn.GetConversationReference(), cancellationToken);
            LogPlanSaved(logger, workshopId, plan.Version, snapshot.Forecast.PartnersReached);
            var confirmation = FollowUpPlanText.Confirmation(plan, snapshot.Forecast);
            return CardActionResult.Replace(FollowUpPlanCard.Build(Model(snapshot.WorkshopId, snapshot.Workshop, plan, confirmation)).ToAttachment());
        }, cancellationToken);

    /// <summary>"Preview the next reminder": posts it where the button was pressed, with "send it to me now".</summary>
    public Task<CardActionResult> OnPreviewAsync(ITurnContext turn, CardAction<FollowUpPlanData> action, CancellationToken cancellationToken) =>
        AsFacilitatorAsync(turn, action, async (workshopId, _) =>
        {
            var snapshot = await views.LoadAsync(workshopId, cancellationToken);
            if (snapshot.Forecast.NextReminder is null)
            {
                return CardActionResult.Toast(T.Paragraphs("preview.none"));
            }

            await turn.SendActivityAsync(MessageFactory.Card(FollowUpPreviewCard.Build(snapshot, calculator.Today, offerSendToMe: true).ToAttachment()), cancellationToken);
            return CardActionResult.Nothing;
        }, cancellationToken);

    /// <summary>"Send it to me now": the same preview in the facilitator's own personal chat with the bot.</summary>
    public Task<CardActionResult> OnSendToMeAsync(ITurnContext turn, CardAction<FollowUpPlanData> action, CancellationToken cancellationToken) =>
        AsFacilitatorAsync(turn, action, async (workshopId, identity) =>
        {
            var snapshot = await views.LoadAsync(workshopId, cancellationToken);
            if (snapshot.Forecast.NextReminder is null)
            {
                return CardActionResult.Toast(T.Paragraphs("preview.none"));
            }

            var card = FollowUpPreviewCard.Build(snapshot, calculator.Today, offerSendToMe: false);
            if (await PersonalChatAsync(turn, identity, cancellationToken) is not { } chat)
            {
                return CardActionResult.Refuse(T.Both("preview.noChat"), 409, "NoPersonalChat");
            }

            try
            {
                await pacer.AcquireAsync(chat.TenantId ?? chat.Conversation?.TenantId, chat.Conversation!.Id!, cancellationToken);
                await messenger.ContinueConversationAsync(chat with { ActivityId = null }, (personal, token) =>
                    personal.SendActivityAsync(MessageFactory.Card(card.ToAttachment()), token), cancellationToken);
            }
            catch (ConnectorException e)
            {
                LogSendToMeFailed(logger, workshopId, (int?)e.StatusCode ?? 0);
                return CardActionResult.Refuse(T.Both("preview.noChat"), 409, "NoPersonalChat");
            }

            return CardActionResult.Toast(T.Both("preview.sent"));
        }, cancellationToken);

    /// <summary>The plan form for a workshop, on its current plan or the defaults.</summary>
    public async Task<AdaptiveCard> FormAsync(string workshopId, string? confirmation, CancellationToken cancellationToken)
    {
        var record = workshops is not null && WorkshopIds.IsValid(workshopId) ? await workshops.GetAsync(workshopId, cancellationToken) : null;
        var plan = await store.GetPlanAsync(workshopId, cancellationToken);
        return FollowUpPlanCard.Build(Model(workshopId, record, plan, confirmation));
    }

    private FollowUpPlanCardModel Model(string workshopId, WorkshopRecord? record, FollowUpPlan? plan, string? confirmation) =>
        new(workshopId, record?.Title, plan, record?.Date ?? calculator.Today, schedule.Value.DefaultSendTime, confirmation);

    /// <summary>The facilitator's stored personal chat, else a new one opened in the tenant of the conversation they pressed in.</summary>
    private async Task<ConversationReference?> PersonalChatAsync(ITurnContext turn, ParticipantIdentity identity, CancellationToken cancellationToken)
    {
        if ((await profiles.GetConversationAsync(identity.Key, cancellationToken))?.Reference is { Conversation.Id.Length: > 0 } stored)
        {
            return stored;
        }

        var here = turn.GetConversationReference();
        if (here.ServiceUrl is not { Length: > 0 } serviceUrl || here.TenantId is not { Length: > 0 } tenantId || here.Bot?.Id is not { Length: > 0 } botId)
        {
            return null;
        }

        try
        {
            await pacer.AcquireAsync(tenantId, "create:" + identity.TeamsId, cancellationToken);
            var created = await messenger.CreatePersonalConversationAsync(serviceUrl, tenantId, new ChannelAccount { Id = identity.TeamsId }, botId, cancellationToken);
            await profiles.SaveConversationAsync(identity.Key, created, known: null, cancellationToken);
            return created;
        }
        catch (ConnectorException e)
        {
            LogSendToMeFailed(logger, "-", (int?)e.StatusCode ?? 0);
            return null;
        }
    }

    private async Task<CardActionResult> AsFacilitatorAsync(
        ITurnContext turn, CardAction<FollowUpPlanData> action, Func<string, ParticipantIdentity, Task<CardActionResult>> run, CancellationToken cancellationToken)
    {
        var identity = ParticipantIdentity.From(turn.Activity);
        var workshopId = action.Data.WorkshopId;
        if (identity is null)
        {
            return CardActionResult.Refuse(T.Both("error.badInput"));
        }

        try
        {
            if (!await access.IsFacilitatorAsync(workshopId, identity.Key, cancellationToken))
            {
                return CardActionResult.Refuse(T.Both("error.notFacilitator"), 403, "Forbidden");
            }

            return await run(workshopId, identity);
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            LogUnavailable(logger, workshopId, e.GetType().Name);
            return CardActionResult.Refuse(T.Both("error.unavailable"), 503, "ServiceUnavailable");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: follow-up plan version {Version} saved from the form; it reaches {Partners} partners")]
    private static partial void LogPlanSaved(ILogger logger, string workshopId, long version, int partners);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: the reminder preview could not reach the facilitator's personal chat (status {Status})")]
    private static partial void LogSendToMeFailed(ILogger logger, string workshopId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: a follow-up button could not be carried out ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string workshopId, string reason);
}
