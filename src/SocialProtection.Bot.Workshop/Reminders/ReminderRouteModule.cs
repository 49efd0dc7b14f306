using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// The follow-up routes: every reminder card verb (Action.Execute and Action.Submit alike), the facilitator view's
/// refresh, and the facilitators' "followup" / "ติดตามผล" command in channels and group chats.
/// </summary>
public sealed class ReminderRouteModule(ReminderActionHandler actions, FollowUpCommandHandler facilitators, FollowUpPlanCardHandler plans) : IRouteModule
{
    public void Map(ActivityRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        foreach (var verb in ReminderCardVerbs.PartnerVerbs)
        {
            router.OnCardAction(verb, actions.OnCardActionAsync);
        }

        router.OnCardAction(ReminderCardVerbs.ViewRefresh, facilitators.OnRefreshAsync);
        router.OnCardAction(FollowUpPlanVerbs.EditPlan, plans.OnEditAsync);
        router.OnCardAction(FollowUpPlanVerbs.SavePlan, plans.OnSaveAsync);
        router.OnCardAction(FollowUpPlanVerbs.Preview, plans.OnPreviewAsync);
        router.OnCardAction(FollowUpPlanVerbs.SendToMe, plans.OnSendToMeAsync);
        var words = new HashSet<string>(FollowUpCommand.Words, StringComparer.OrdinalIgnoreCase);
        router.OnMessage(
            turn => FollowUpCommandHandler.IsFacilitatorPlace(turn) && CommandText.FirstWord(turn.Activity.Text) is { } first && words.Contains(first),
            facilitators.OnCommandAsync);
    }
}
