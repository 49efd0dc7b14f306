using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// The facilitator side's routes: the set-up, kickoff and progress card verbs (Execute and Submit alike), the commands
/// typed in channels and group chats, and the bot's install into a team or group chat. Personal chat is left to the
/// participant dialog.
/// </summary>
public sealed class FacilitationRouteModule(
    ChannelCommands commands,
    WorkshopSetup setup,
    WorkshopJoin join,
    ProgressBoard progress,
    ProgressReminders reminders,
    ChannelWelcome welcome) : IRouteModule
{
    public void Map(ActivityRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnCardAction(FacilitationVerbs.Create, setup.OnCreateAsync);
        router.OnCardAction(FacilitationVerbs.Join, join.OnJoinAsync);
        router.OnCardAction(FacilitationVerbs.RefreshProgress, progress.OnRefreshAsync);
        router.OnCardAction(FacilitationVerbs.RemindUnfinished, reminders.OnRemindAsync);
        router.OnMessage(ChannelCommands.Handles, commands.OnMessageAsync);
        router.OnActivity(ActivityTypes.InstallationUpdate, IsChannelOrGroupChat, welcome.OnInstalledAsync);
        router.OnActivity(ActivityTypes.ConversationUpdate, IsChannelOrGroupChat, welcome.OnInstalledAsync);
    }

    private static bool IsChannelOrGroupChat(ITurnContext turn) => ChannelConversation.IsChannelOrGroupChat(turn.Activity);
}
