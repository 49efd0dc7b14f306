using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// The data-rights routes: "erase my data" in personal chat, "erase @Someone" elsewhere, and the confirmation card's
/// verbs. Registered before the participant module, whose personal-chat route takes every other message.
/// </summary>
public sealed class DataRightsRouteModule(DataRightsTurnHandler handler) : IRouteModule
{
    public void Map(ActivityRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnCardAction(DataRightsCardVerbs.EraseConfirm, handler.OnConfirmAsync);
        router.OnCardAction(DataRightsCardVerbs.EraseCancel, DataRightsTurnHandler.OnCancelAsync);
        router.OnMessage(turn => IsPersonal(turn) && DataRightsCommands.IsEraseMine(turn.Activity.Text), DataRightsTurnHandler.OnEraseMineAsync);
        router.OnMessage(turn => !IsPersonal(turn) && DataRightsCommands.IsEraseOther(turn.Activity.Text), handler.OnEraseOtherAsync);
    }

    private static bool IsPersonal(ITurnContext turn) => ParticipantTurnHandler.IsPersonal(turn.Activity);
}
