using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Facilitation;
using static SocialProtection.Bot.Workshop.Facilitation.Cards.FacilitationCardParts;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation.Cards;

/// <summary>What the set-up card becomes once the workshop is created: a read-only record of the set-up and what to do next.</summary>
internal static class WorkshopCreatedCard
{
    public static AdaptiveCard Build(WorkshopRecord workshop, QuestionSet set)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(set);
        var body = new List<AdaptiveElement>();
        body.AddRange(Title(FacilitationTextKeys.CreatedTitle));
        body.Add(WorkshopTitle(workshop.Title));
        body.AddRange(Date(workshop.Date));
        body.Add(new FactSet(
        [
            new Fact(Strings.Both(FacilitationTextKeys.CreatedGroups), string.Join(" · ", workshop.Groups.Select(g => CardText.Escape(g.Name)))),
            new Fact(Strings.Both(FacilitationTextKeys.CreatedAnswers), Strings.Both(workshop.Visibility == AnswerVisibility.Named
                ? FacilitationTextKeys.SetupNamed
                : FacilitationTextKeys.SetupAnonymous)),
            new Fact(Strings.Both(FacilitationTextKeys.CreatedQuestionSet), CardText.Escape(set.Title.Th + " / " + set.Title.En)),
            new Fact(Strings.Both(FacilitationTextKeys.CreatedId), workshop.Id),
        ]));
        body.AddRange(Bilingual(FacilitationTextKeys.CreatedNext));
        return Card(body);
    }
}
