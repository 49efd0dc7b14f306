using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Cards;

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
            [Input(context, question, prefill)],
            [Hint(context, question)]);
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

    /// <summary>The read-only view; a long commitment list is shortened to previews so the card fits.</summary>
    public static AdaptiveCard Answered(CardContext context, string questionId, Notice? notice) =>
        context.Set.Find(questionId)?.Kind == QuestionKind.Commitments
            ? CardBudget.FirstThatFits(
                new int?[] { null }.Concat(CardBudget.PreviewLengths.Select(l => (int?)l))
                    .Select(length => (Func<AdaptiveCard>)(() => Answered(context, questionId, notice, length))))
            // Only a commitment list has shorter forms; any other answer has one form, so there is nothing to measure.
            : Answered(context, questionId, notice, commitmentPreviewLength: null);

    private static AdaptiveCard Answered(CardContext context, string questionId, Notice? notice, int? commitmentPreviewLength)
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
            AnswerDisplay.Elements(context, question, answer, commitmentPreviewLength));
        var actions = new List<AdaptiveAction> { CardParts.Button(context, UiTextKeys.ActionEdit, CardVerbs.Edit, question.Id) };
        return CardParts.Card(context, body, actions, CardParts.Refresh(context, question.Id));
    }

    /// <summary>The field for the answer; every card's single input is named "answer".</summary>
    public static AdaptiveInput Input(CardContext context, Question question, string? prefill)
    {
        var label = context.T(UiTextKeys.CardAnswerLabel);
        return question.Kind switch
        {
            QuestionKind.LongText => new TextInput
            {
                Id = CardDataFields.Answer,
                Label = label,
                IsMultiline = true,
                MaxLength = QuestionLimits.MaxFieldCodeUnits(question.MaxLength),
                Placeholder = question.Placeholder?.In(context.Language),
                Value = prefill,
            },
            QuestionKind.SingleChoice or QuestionKind.MultiChoice => new ChoiceSetInput(
                [.. question.Choices.Select(c => new Choice(c.Label.In(context.Language), c.Value))])
            {
                Id = CardDataFields.Answer,
                Label = label,
                Style = ChoiceInputStyle.Expanded,
                IsMultiSelect = question.Kind == QuestionKind.MultiChoice ? true : null,
                Value = KnownChoices(question, prefill),
                Wrap = true,
            },
            QuestionKind.Rating => new ChoiceSetInput([.. Enumerable.Range(1, 5).Select(n => new Choice(RatingTitle(context, question, n), CardParts.Number(n)))])
            {
                Id = CardDataFields.Answer,
                Label = label,
                Style = ChoiceInputStyle.Expanded,
                Value = prefill is "1" or "2" or "3" or "4" or "5" ? prefill : null,
                Wrap = true,
            },
            QuestionKind.Date => DateField(CardDataFields.Answer, label, prefill, question.Placeholder?.In(context.Language)),
            _ => throw new ArgumentException($"A {question.Kind} question has no single field.", nameof(question)),
        };
    }

    /// <summary>
    /// A date picker, unless the participant typed something the picker cannot hold (e.g. "31/12/2569" with a typo):
    /// then a text field, so what they typed is still there to correct.
    /// </summary>
    public static AdaptiveInput DateField(string id, string label, string? prefill, string? placeholder) =>
        prefill is null || DateOnly.TryParseExact(prefill, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? new DateInput { Id = id, Label = label, Value = prefill, Placeholder = placeholder }
            : new TextInput { Id = id, Label = label, Value = prefill, Placeholder = placeholder, MaxLength = 80 };

    private static TextBlock? Hint(CardContext context, Question question) => question.Kind switch
    {
        QuestionKind.LongText => CardParts.Hint(context.T(UiTextKeys.CardLengthHint, CardParts.Number(question.MaxLength)) + " " + context.T(UiTextKeys.CardTypeHint)),
        QuestionKind.Date or QuestionKind.Rating => CardParts.Hint(context.T(UiTextKeys.CardTypeHint)),
        _ => null,
    };

    private static string? KnownChoices(Question question, string? prefill)
    {
        if (prefill is null)
        {
            return null;
        }
        var known = prefill.Split(',').Where(v => question.FindChoice(v) is not null).ToArray();
        return known.Length == 0 ? null : string.Join(',', known);
    }

    private static string RatingTitle(CardContext context, Question question, int value) => value switch
    {
        1 when question.LowLabel is { } low => "1 – " + low.In(context.Language),
        5 when question.HighLabel is { } high => "5 – " + high.In(context.Language),
        _ => CardParts.Number(value),
    };
}
