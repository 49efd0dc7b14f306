using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>Shows a stored answer read-only: typed text verbatim (never as markdown), choices by label, dates in both eras.</summary>
internal static class AnswerDisplay
{
    public static IEnumerable<AdaptiveElement> Elements(CardContext context, Question question, Answer? answer, int? commitmentPreviewLength = null)
    {
        switch (answer)
        {
            case null:
                yield return CardParts.Hint(context.T(UiTextKeys.CardNotAnswered));
                yield break;
            case { Skipped: true }:
                yield return CardParts.Hint(context.T(UiTextKeys.CardSkipped));
                yield break;
            case { Text: { } text }:
                yield return CardParts.UserText(text);
                yield break;
            case { Choices: { } choices }:
                var labels = choices.Select(c => question.FindChoice(c)?.Label.In(context.Language) ?? c);
                yield return CardParts.Paragraph(string.Join("\n", labels.Select(l => "- " + CardText.Escape(l))));
                yield break;
            case { Rating: { } rating }:
                var scale = rating switch
                {
                    1 when question.LowLabel is { } low => " (" + low.In(context.Language) + ")",
                    5 when question.HighLabel is { } high => " (" + high.In(context.Language) + ")",
                    _ => "",
                };
                yield return CardParts.Paragraph(CardText.Escape(context.T(UiTextKeys.CardRatingValue, CardParts.Number(rating)) + scale));
                yield break;
            case { Date: { } date }:
                yield return CardParts.Paragraph(CardText.Escape(ThaiDateFormatter.Format(date, context.Language)));
                yield break;
            case { Commitments: { Count: > 0 } commitments }:
                for (var i = 0; i < commitments.Count; i++)
                {
                    yield return Commitment(context, commitments[i], i, commitmentPreviewLength);
                }
                yield break;
            default:
                yield return CardParts.Hint(context.T(UiTextKeys.CardSkipped));
                yield break;
        }
    }

    /// <summary>One commitment: "2. action", the organisation, the due date. <paramref name="previewLength"/> shortens the texts for lists.</summary>
    public static Container Commitment(CardContext context, Commitment commitment, int index, int? previewLength, AdaptiveElement? after = null)
    {
        var action = previewLength is { } n ? CardText.Truncate(commitment.Action, n) : commitment.Action;
        var organisation = previewLength is { } m ? CardText.Truncate(commitment.Organisation, Math.Max(m / 2, 40)) : commitment.Organisation;
        var items = new List<AdaptiveElement>
        {
            new RichTextBlock([new TextRun(CardParts.Number(index + 1) + ". ") { Weight = TextWeight.Bolder }, new TextRun(action) { Weight = TextWeight.Bolder }]),
            CardParts.UserText(organisation, context.T(UiTextKeys.CommitmentResponsible)),
            new RichTextBlock([
                new TextRun(context.T(UiTextKeys.CommitmentDue)) { IsSubtle = true },
                new TextRun(ThaiDateFormatter.Format(commitment.DueDate, context.Language)),
            ]),
        };
        if (after is not null)
        {
            items.Add(after);
        }
        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }
}
