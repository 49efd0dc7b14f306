using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Cards;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// The participant dialog's routes: every lesson card verb (Execute and Submit alike), typed messages in personal
/// chat, and the personal install events.
/// </summary>
public sealed class ParticipantRouteModule(ParticipantTurnHandler handler) : IRouteModule
{
    public void Map(ActivityRouter router)
    {
        foreach (var verb in CardVerbs.All)
        {
            router.OnCardAction(verb, handler.OnCardActionAsync);
        }
        router.OnMessage(turn => ParticipantTurnHandler.IsPersonal(turn.Activity) && !string.IsNullOrWhiteSpace(turn.Activity.Text), handler.OnMessageAsync);
        router.OnActivity(ActivityTypes.InstallationUpdate, handler.OnInstalledAsync);
        router.OnActivity(ActivityTypes.ConversationUpdate, handler.OnInstalledAsync);
    }
}
