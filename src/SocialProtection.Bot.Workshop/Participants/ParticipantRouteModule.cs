using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Participants.Cards;

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
        router.OnMessage(turn => IsPersonalTurn(turn) && !string.IsNullOrWhiteSpace(turn.Activity.Text), handler.OnMessageAsync);
        router.OnActivity(ActivityTypes.InstallationUpdate, IsPersonalTurn, handler.OnInstalledAsync);
        router.OnActivity(ActivityTypes.ConversationUpdate, IsPersonalTurn, handler.OnInstalledAsync);
    }

    private static bool IsPersonalTurn(ITurnContext turn) => ParticipantTurnHandler.IsPersonal(turn.Activity);
}
