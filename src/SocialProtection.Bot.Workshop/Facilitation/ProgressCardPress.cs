using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// A press on one of the progress card's buttons (Refresh, Remind): the workshop the card names, checked to be this
/// channel's and pressed by one of its facilitators, or the refusal to answer with. Storage failures propagate to the
/// caller, which answers them as it answers its own.
/// </summary>
internal sealed class ProgressCardPress(WorkshopStore workshops, FacilitatorRoles roles)
{
    public async Task<Outcome> ReadAsync(ITurnContext turn, CardAction<WorkshopCardData> action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (ParticipantIdentity.From(activity) is not { } identity)
        {
            return Refused(FacilitationTextKeys.ErrorInvalidCard, 400, "BadRequest");
        }
        var workshop = await workshops.GetAsync(action.Data.WorkshopId, cancellationToken);
        if (workshop is null || workshop.Channel.Conversation?.Id != ChannelConversation.Id(activity))
        {
            return Refused(FacilitationTextKeys.JoinUnknownWorkshop, 404, "NotFound");
        }
        return roles.CanRun(identity.Key, workshop)
            ? new Outcome(workshop, null, NotFacilitator: false)
            : Refused(FacilitationTextKeys.ErrorNotFacilitator, 403, "Forbidden") with { NotFacilitator = true };
    }

    private static Outcome Refused(string key, int status, string code) =>
        new(null, CardActionResult.Refuse(FacilitationText.Default.Both(key), status, code), NotFacilitator: false);

    /// <summary>Either the workshop (the press may go on) or the refusal.</summary>
    internal sealed record Outcome(WorkshopRecord? Workshop, CardActionResult? Refusal, bool NotFacilitator);
}
