using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// What someone who may not create a workshop is told (issue 17 item 1): what they can do (ask a facilitator to type
/// <c>facilitator add @name</c>), who the team's facilitators are when the bot knows them, and never "this workshop"
/// where there is none.
/// </summary>
internal sealed class FacilitatorRefusals(WorkshopStore workshops, TeamFacilitators teams)
{
    private const int MaxNamesShown = 5;

    private readonly TextCatalog _text = FacilitationText.Default;

    /// <summary>
    /// The refusal of a facilitator action where <paramref name="activity"/> happened: the workshop's refusal when one
    /// runs in the channel, else "no workshop yet" (unless <paramref name="creating"/>) and how to become a facilitator.
    /// </summary>
    public async Task<LocalizedText> ForAsync(Activity activity, bool creating, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (ChannelConversation.Id(activity) is { } conversationId && await workshops.CurrentForAsync(conversationId, cancellationToken) is not null)
        {
            return _text.Localized(FacilitationTextKeys.ErrorNotFacilitator);
        }
        var names = TeamFacilitators.PlaceOf(activity) is { } place
            ? (await teams.ListAsync(place, cancellationToken)).Facilitators.Select(f => f.Name).Where(n => n.Length > 0).Take(MaxNamesShown).Select(CardText.Escape).ToList()
            : [];
        var how = names.Count > 0
            ? _text.Localized(FacilitationTextKeys.ErrorCannotCreate, string.Join(", ", names))
            : _text.Localized(FacilitationTextKeys.ErrorCannotCreateNoneKnown);
        if (creating)
        {
            return how;
        }
        var none = _text.Localized(FacilitationTextKeys.NoWorkshopNotFacilitator);
        return new LocalizedText(none.Th + " " + how.Th, none.En + " " + how.En);
    }
}
