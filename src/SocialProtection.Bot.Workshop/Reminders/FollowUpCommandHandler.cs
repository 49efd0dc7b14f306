using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Reminders.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// The facilitator's side in a channel or group chat: the "followup" command (view, the plan form, the typed plan,
/// close, reopen) and the view's refresh; every reply Thai first, then English. Only facilitators (<see cref="IFollowUpAccess"/>) get anything. The workshop is the newest one
/// set up in the conversation (facilitation feature), else the one personal chats answer into
/// (<see cref="ParticipantOptions.DefaultWorkshopId"/>).
/// </summary>
internal sealed partial class FollowUpCommandHandler(
    FollowUpPlanService plans,
    FollowUpPlanning planning,
    FollowUpPlanCardHandler forms,
    FollowUpViewService views,
    IFollowUpAccess access,
    IOptions<ParticipantOptions> workshop,
    ILogger<FollowUpCommandHandler> logger,
    WorkshopStore? workshops = null)
{
    private static readonly TextCatalog T = ReminderText.Default;

    /// <summary>Channel and group chat messages only: in personal chat, typed text belongs to the participant dialog.</summary>
    public static bool IsFacilitatorPlace(ITurnContext turn) =>
        turn.Activity.Conversation?.ConversationType is "channel" or "groupChat";

    public async Task OnCommandAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        // A channel is read in both languages: every reply is Thai first, then English.
        var language = Language.Thai;
        if (ParticipantIdentity.From(turn.Activity) is not { } identity)
        {
            return;
        }

        var workshopId = workshop.Value.DefaultWorkshopId;
        try
        {
            var record = workshops is not null && ChannelConversation.Id(turn.Activity) is { } conversationId
                ? await workshops.CurrentForAsync(conversationId, cancellationToken)
                : null;
            workshopId = record?.Id ?? workshopId;
            if (!await access.IsFacilitatorAsync(workshopId, identity.Key, cancellationToken))
            {
                await turn.SendActivityAsync(MessageFactory.Text(T.Paragraphs("error.notFacilitator")), cancellationToken);
                return;
            }

            var command = FollowUpCommand.Parse(turn.Activity.Text);
            if (command is FollowUpCommand.EditPlan)
            {
                await turn.SendActivityAsync(MessageFactory.Card((await forms.FormAsync(workshopId, null, cancellationToken)).ToAttachment()), cancellationToken);
                return;
            }

            var reply = command switch
            {
                FollowUpCommand.SetPlan { WorkshopDate: null } when record is null => T.Paragraphs("plan.usage"),
                FollowUpCommand.SetPlan set when plans.Check(set.For(set.WorkshopDate ?? record!.Date)) is { } problem => T.Paragraphs(problem),
                FollowUpCommand.SetPlan set => await SaveAsync(turn, workshopId, set.For(set.WorkshopDate ?? record!.Date), identity, record, cancellationToken),
                FollowUpCommand.Close => await plans.SetClosedAsync(workshopId, true, cancellationToken) is null ? T.Paragraphs("error.noPlan") : T.Paragraphs("plan.closed"),
                FollowUpCommand.Reopen => await plans.SetClosedAsync(workshopId, false, cancellationToken) is null ? T.Paragraphs("error.noPlan") : T.Paragraphs("plan.reopened"),
                FollowUpCommand.Invalid invalid => T.Format(invalid.TextKey, Language.Thai, invalid.Argument) + "\n\n" + T.Get("plan.usage", Language.Thai)
                    + "\n\n" + T.Format(invalid.TextKey, Language.English, invalid.Argument) + "\n\n" + T.Get("plan.usage", Language.English),
                _ => null,
            };
            if (reply is not null)
            {
                await turn.SendActivityAsync(MessageFactory.Text(reply), cancellationToken);
                return;
            }

            foreach (var card in await views.CardsAsync(workshopId, language, [identity.TeamsId], cancellationToken))
            {
                await turn.SendActivityAsync(MessageFactory.Card(card.ToAttachment()), cancellationToken);
            }
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            LogUnavailable(logger, workshopId, e.GetType().Name);
            await turn.SendActivityAsync(MessageFactory.Text(T.Paragraphs("error.unavailable")), cancellationToken);
        }
    }

    private async Task<string> SaveAsync(ITurnContext turn, string workshopId, FollowUpPlanRequest request, ParticipantIdentity identity, WorkshopRecord? record, CancellationToken cancellationToken)
    {
        var (plan, snapshot) = await planning.SaveAsync(workshopId, request, identity.Key, PlanConversation(turn, record), cancellationToken);
        return FollowUpPlanText.Confirmation(plan, snapshot.Forecast);
    }

    /// <summary>Where "need help" goes without a workshop record: the channel itself, not the thread of the command.</summary>
    private static ConversationReference PlanConversation(ITurnContext turn, WorkshopRecord? record) =>
        record?.Channel ?? ChannelConversation.Reference(turn.Activity) ?? turn.GetConversationReference();

    /// <summary>The view's Refresh button and automatic refresh: the page asked for, as of now.</summary>
    public async Task<CardActionResult> OnRefreshAsync(ITurnContext turn, CardAction<FollowUpViewData> action, CancellationToken cancellationToken)
    {
        var language = Language.Thai;
        var identity = ParticipantIdentity.From(turn.Activity);
        var workshopId = action.Data.WorkshopId;
        var page = action.Data.Page ?? 1;
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

            var cards = await views.CardsAsync(workshopId, language, [identity.TeamsId], cancellationToken);
            return CardActionResult.Replace(cards[Math.Min(page, cards.Count) - 1].ToAttachment());
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            LogUnavailable(logger, workshopId, e.GetType().Name);
            return CardActionResult.Refuse(T.Both("error.unavailable"), 503, "ServiceUnavailable");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: a follow-up command could not be carried out ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string workshopId, string reason);
}
