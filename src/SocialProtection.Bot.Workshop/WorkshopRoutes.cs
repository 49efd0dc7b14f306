using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Reminders.Cards;
using SocialProtection.Bot.Workshop.Summaries.Cards;
using SocialProtection.Bot.Workshop.Summaries.Voting;

namespace SocialProtection.Bot.Workshop;

/// <summary>
/// Every route of the bot, in the order they are tried. Card verbs are looked up by name (a verb has one handler);
/// messages and install events go to the first route whose condition matches, so a more specific route is listed
/// before a catch-all. Adding a command or a card verb is one line here plus its handler.
/// </summary>
internal sealed class WorkshopRoutes(
    ParticipantTurnHandler participants,
    WorkshopSetup setup,
    WorkshopJoin join,
    ProgressBoard progress,
    ProgressReminders progressReminders,
    ChannelCommands channelCommands,
    ChannelWelcome welcome,
    DotVoteActionHandler votes,
    ReminderActionHandler reminders,
    FollowUpCommandHandler followUp,
    FollowUpPlanCardHandler followUpPlans,
    DataRightsTurnHandler dataRights)
{
    public ActivityRouter Build()
    {
        var router = new ActivityRouter
        {
            UnknownAction = CardActionResult.Refuse(UiText.Default.Both(UiTextKeys.ErrorUnknownCard), 400, "UnknownAction"),
            MalformedData = CardActionResult.Refuse(UiText.Default.Both(UiTextKeys.ErrorCardData), 400, "InvalidCardData"),
        };

        // Card verbs (Action.Execute invokes and Action.Submit messages alike), each with the data record its cards write.
        foreach (var verb in CardVerbs.All)
        {
            router.OnCardAction<CardActionData>(verb, participants.OnCardActionAsync);
        }
        router.OnCardAction<WorkshopSetupInput>(FacilitationVerbs.Create, setup.OnCreateAsync);
        router.OnCardAction<JoinCardData>(FacilitationVerbs.Join, join.OnJoinAsync);
        router.OnCardAction<WorkshopCardData>(FacilitationVerbs.RefreshProgress, progress.OnRefreshAsync);
        router.OnCardAction<WorkshopCardData>(FacilitationVerbs.RemindUnfinished, progressReminders.OnRemindAsync);
        router.OnCardAction<DotVoteRequest>(SummaryCardVerbs.Vote, votes.HandleAsync);
        foreach (var verb in ReminderCardVerbs.PartnerVerbs)
        {
            router.OnCardAction<ReminderCardData>(verb, reminders.OnCardActionAsync);
        }
        router.OnCardAction<FollowUpViewData>(ReminderCardVerbs.ViewRefresh, followUp.OnRefreshAsync);
        router.OnCardAction<FollowUpPlanData>(FollowUpPlanVerbs.EditPlan, followUpPlans.OnEditAsync);
        router.OnCardAction<FollowUpPlanData>(FollowUpPlanVerbs.SavePlan, followUpPlans.OnSaveAsync);
        router.OnCardAction<FollowUpPlanData>(FollowUpPlanVerbs.Preview, followUpPlans.OnPreviewAsync);
        router.OnCardAction<FollowUpPlanData>(FollowUpPlanVerbs.SendToMe, followUpPlans.OnSendToMeAsync);
        router.OnCardAction<EraseCardData>(DataRightsCardVerbs.EraseConfirm, dataRights.OnConfirmAsync);
        router.OnCardAction<EraseCardData>(DataRightsCardVerbs.EraseCancel, DataRightsTurnHandler.OnCancelAsync);

        // Personal chat: "erase my data", then everything else is the lesson dialog.
        router.OnMessage(turn => IsPersonal(turn) && DataRightsCommands.IsEraseMine(turn.Activity.Text), DataRightsTurnHandler.OnEraseMineAsync);
        router.OnMessage(turn => IsPersonal(turn) && !string.IsNullOrWhiteSpace(turn.Activity.Text), participants.OnMessageAsync);

        // Channels and group chats: "erase @Someone", the facilitator commands, then the follow-up command.
        router.OnMessage(turn => !IsPersonal(turn) && DataRightsCommands.IsEraseOther(turn.Activity.Text), dataRights.OnEraseOtherAsync);
        router.OnMessage(ChannelCommands.Handles, channelCommands.OnMessageAsync);
        router.OnMessage(turn => FollowUpCommandHandler.IsFacilitatorPlace(turn) && FollowUpCommand.Matches(turn.Activity.Text), followUp.OnCommandAsync);

        // The bot added to a personal chat (welcome and conversation reference) or to a team or group chat (hello).
        router.OnActivity(ActivityTypes.InstallationUpdate, IsPersonal, participants.OnInstalledAsync);
        router.OnActivity(ActivityTypes.ConversationUpdate, IsPersonal, participants.OnInstalledAsync);
        router.OnActivity(ActivityTypes.InstallationUpdate, turn => !IsPersonal(turn), welcome.OnInstalledAsync);
        router.OnActivity(ActivityTypes.ConversationUpdate, turn => !IsPersonal(turn), welcome.OnInstalledAsync);
        return router;
    }

    private static bool IsPersonal(ITurnContext turn) => ChannelConversation.IsPersonal(turn.Activity);
}
