using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>The card asking one question, and its read-only "answered" form.</summary>
internal static class QuestionCards
{
    public static AdaptiveCard Open(CardContext context, int index, string? prefill, Notice? notice)
    {
        var question = context.Set.Questions[index];
        var body = CardParts.Body(
            [CardParts.Caption(CardParts.Progress(context, index, CardParts.RequiredKey(question)))],
            CardParts.Bilingual(context, question.Text),
            [question.Help is { } help ? CardParts.Hint(CardParts.Escaped(help).In(context.Language)) : null],
            [CardParts.NoticeBlock(context, notice)],
            [question.Kind.Input(question, prefill, context.Language) with { Id = CardDataFields.Answer, Label = context.T(UiTextKeys.CardAnswerLabel) }],
            [question.Kind.Hint(question, context.Language) is { } hint ? CardParts.Hint(hint) : null]);
        var actions = new List<AdaptiveAction>
        {
            CardParts.Button(context, UiTextKeys.ActionSaveAnswer, CardVerbs.Answer, question.Id, sendsInput: true),
        };
        if (index > 0)
        {
            actions.Add(CardParts.Button(context, UiTextKeys.ActionBack, CardVerbs.Back, question.Id));
        }
        if (!question.Required)
        {
            actions.Add(CardParts.Button(context, UiTextKeys.ActionSkip, CardVerbs.Skip, question.Id));
        }
        actions.Add(CardParts.Button(context, UiTextKeys.ActionLater, CardVerbs.Later, question.Id, sendsInput: true));
        return CardParts.Card(context, body, actions, CardParts.Refresh(context, question.Id));
    }

    /// <summary>The read-only view; a long answer (a commitment list) is shortened to previews so the card fits.</summary>
    public static AdaptiveCard Answered(CardContext context, string questionId, Notice? notice) =>
        context.Set.Find(questionId)?.Kind.PreviewLengths is { Count: > 0 } lengths
            ? CardBudget.FirstThatFits(
                new int?[] { null }.Concat(lengths.Select(l => (int?)l))
                    .Select(length => (Func<AdaptiveCard>)(() => Answered(context, questionId, notice, length))))
            // An answer without shorter forms has one form, so there is nothing to measure.
            : Answered(context, questionId, notice, previewLength: null);

    private static AdaptiveCard Answered(CardContext context, string questionId, Notice? notice, int? previewLength)
    {
        var index = context.Set.IndexOf(questionId);
        var question = context.Set.Questions[index];
        var answer = context.Record.Answers.GetValueOrDefault(questionId);
        var state = answer switch
        {
            null => UiTextKeys.CardNotAnswered,
            { Skipped: true } => UiTextKeys.CardSkipped,
            _ => UiTextKeys.CardAnswered,
        };
        var body = CardParts.Body(
            [CardParts.Caption(CardParts.Progress(context, index, state))],
            CardParts.Bilingual(context, question.Text),
            [CardParts.NoticeBlock(context, notice)],
            AnswerElements(context, question, answer, previewLength));
        var actions = new List<AdaptiveAction> { CardParts.Button(context, UiTextKeys.ActionEdit, CardVerbs.Edit, question.Id) };
        return CardParts.Card(context, body, actions, CardParts.Refresh(context, question.Id));
    }

    /// <summary>A stored answer, read-only, as its question's kind shows it (<see cref="QuestionKind.Display"/>), or that there is none.</summary>
    public static IEnumerable<AdaptiveElement> AnswerElements(CardContext context, Question question, Answer? answer, int? previewLength = null) => answer switch
    {
        null => [CardParts.Hint(context.T(UiTextKeys.CardNotAnswered))],
        _ when question.Kind.Counts(answer) =>
            question.Kind.Display(question, answer, context.Language, previewLength),
        _ => [CardParts.Hint(context.T(UiTextKeys.CardSkipped))],
    };
}
