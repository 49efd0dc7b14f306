using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Facilitation;
using static SocialProtection.Bot.Workshop.Facilitation.Cards.FacilitationCardParts;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation.Cards;

/// <summary>
/// The card posted in the channel when a workshop is created: its title and date, and an Answer button that opens the
/// questions in the presser's personal chat. With more than one breakout group the participant picks theirs on the
/// card. Once the workshop is closed the card says so and offers nothing to press.
/// </summary>
internal static class KickoffCard
{
    public static AdaptiveCard Build(WorkshopRecord workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        var body = new List<AdaptiveElement>();
        body.AddRange(Title(FacilitationTextKeys.KickoffTitle));
        body.Add(WorkshopTitle(workshop.Title));
        body.AddRange(Date(workshop.Date));
        if (!workshop.IsOpen)
        {
            body.AddRange(Bilingual(Strings.Localized(FacilitationTextKeys.KickoffClosed), TextColor.Attention));
            return Card(body);
        }
        body.AddRange(Bilingual(FacilitationTextKeys.KickoffIntro));
        body.Add(Hint(workshop.Visibility == AnswerVisibility.Named ? FacilitationTextKeys.KickoffNamed : FacilitationTextKeys.KickoffAnonymous));
        if (workshop.Groups.Length > 1)
        {
            body.Add(new ChoiceSetInput([.. workshop.Groups.Select(g => new Choice(Label(g.Name), g.Id))])
            {
                Id = FacilitationFields.Group,
                Label = Strings.Both(FacilitationTextKeys.KickoffGroup),
                Placeholder = Strings.Both(FacilitationTextKeys.KickoffGroupPlaceholder),
                Style = ChoiceInputStyle.Compact,
                IsRequired = true,
                ErrorMessage = Strings.Both(FacilitationTextKeys.JoinChooseGroup),
            });
        }
        return Card(body, [Button(FacilitationTextKeys.KickoffAnswer, FacilitationVerbs.Join, new JoinCardData { WorkshopId = workshop.Id }, sendsInputs: workshop.Groups.Length > 1)]);
    }
}
