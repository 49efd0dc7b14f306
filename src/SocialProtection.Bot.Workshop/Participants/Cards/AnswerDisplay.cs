using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>Shows a stored answer read-only, as its question's kind shows it (<see cref="QuestionKind.Display"/>), or that there is none.</summary>
internal static class AnswerDisplay
{
    public static IEnumerable<AdaptiveElement> Elements(CardContext context, Question question, Answer? answer, int? previewLength = null) => answer switch
    {
        null => [CardParts.Hint(context.T(UiTextKeys.CardNotAnswered))],
        _ when answer.HasValue && answer.Kind == question.Kind.Name && question.Kind.Counts(answer) =>
            question.Kind.Display(question, answer, context.Language, previewLength),
        _ => [CardParts.Hint(context.T(UiTextKeys.CardSkipped))],
    };
}
