using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Participants.Dialogs;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>The commitments question: the list card, and the three step cards of adding or editing one commitment.</summary>
internal static class CommitmentCards
{
    /// <summary>
    /// The list with the longest previews that keep the card within <see cref="CardBudget"/>; as a last resort without
    /// the question's help text.
    /// </summary>
    public static AdaptiveCard List(CardContext context, int index, Notice? notice) => CardBudget.FirstThatFits(
        CardBudget.PreviewLengths.Select(length => (Func<AdaptiveCard>)(() => List(context, index, notice, length, withHelp: true)))
            .Append(() => List(context, index, notice, CardBudget.PreviewLengths[^1], withHelp: false)));

    private static AdaptiveCard List(CardContext context, int index, Notice? notice, int previewLength, bool withHelp)
    {
        var question = context.Set.Questions[index];
        var commitments = LessonDialog.CommitmentsOf(context.Record, question);
        var items = commitments.Select((c, i) => (AdaptiveElement)AnswerDisplay.Commitment(context, c, i, previewLength,
            new ActionSet([CardParts.Button(context, UiTextKeys.ActionEditCommitment, CardVerbs.EditCommitment, question.Id, index: i)])));
        var body = CardParts.Body(
            [CardParts.Caption(CardParts.Progress(context, index, CardParts.RequiredKey(question)))],
            CardParts.Bilingual(context, question.Text),
            [withHelp && question.Help is { } help ? CardParts.Hint(CardParts.Escaped(help).In(context.Language)) : null],
            [CardParts.NoticeBlock(context, notice)],
            [CardParts.Caption(context.T(UiTextKeys.CommitmentCount, CardParts.Number(commitments.Count), CardParts.Number(question.MaxItems)))],
            commitments.Count == 0 ? [CardParts.Paragraph(context.T(UiTextKeys.CommitmentEmpty))] : items);
        var actions = new List<AdaptiveAction>();
        if (commitments.Count < question.MaxItems)
        {
            actions.Add(CardParts.Button(context, UiTextKeys.ActionAddCommitment, CardVerbs.AddCommitment, question.Id));
        }
        actions.Add(CardParts.Button(context, UiTextKeys.ActionCommitmentsDone, CardVerbs.Answer, question.Id));
        if (index > 0)
        {
            actions.Add(CardParts.Button(context, UiTextKeys.ActionBack, CardVerbs.Back, question.Id));
        }
        if (!question.Required)
        {
            actions.Add(CardParts.Button(context, UiTextKeys.ActionSkip, CardVerbs.Skip, question.Id));
        }
        actions.Add(CardParts.Button(context, UiTextKeys.ActionLater, CardVerbs.Later, question.Id));
        return CardParts.Card(context, body, actions, CardParts.Refresh(context, question.Id));
    }

    public static AdaptiveCard Step(CardContext context, DialogFrame frame, string? prefill, Notice? notice)
    {
        var questionId = frame.Get(CommitmentFields.QuestionId) ?? "";
        var question = context.Set.Find(questionId)
            ?? throw new InvalidOperationException("The commitment dialog's question is not in the set.");
        var step = Math.Clamp(frame.Step, 0, CommitmentFields.StepCount - 1);
        var editing = int.TryParse(frame.Get(CommitmentFields.Index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 ? i : (int?)null;
        var number = editing ?? LessonDialog.CommitmentsOf(context.Record, question).Count;
        var prompt = step switch
        {
            CommitmentFields.ActionStep => UiTextKeys.CommitmentPromptAction,
            CommitmentFields.OrganisationStep => UiTextKeys.CommitmentPromptOrganisation,
            _ => UiTextKeys.CommitmentPromptDueDate,
        };
        var body = CardParts.Body(
            [CardParts.Caption(context.T(UiTextKeys.CommitmentStepProgress, CardParts.Number(number + 1), CardParts.Number(step + 1)))],
            CardParts.Bilingual(context, context.Text[prompt]),
            [step == CommitmentFields.DueDateStep ? CardParts.Hint(context.T(UiTextKeys.CommitmentDateHelp)) : null],
            [CardParts.NoticeBlock(context, notice)],
            [Input(context, question, step, prefill)]);
        var actions = new List<AdaptiveAction>
        {
            CardParts.Button(context, step == CommitmentFields.DueDateStep ? UiTextKeys.ActionSaveAnswer : UiTextKeys.ActionNext,
                CardVerbs.Answer, question.Id, sendsInput: true),
            CardParts.Button(context, UiTextKeys.ActionBack, CardVerbs.Back, question.Id),
            CardParts.Button(context, UiTextKeys.ActionCancel, CardVerbs.CancelCommitment, question.Id),
        };
        if (editing is { } existing)
        {
            // Removing cannot be undone, so it asks first.
            var confirm = new AdaptiveCard
            {
                Body = [CardParts.Paragraph(context.T(UiTextKeys.CommitmentConfirmRemove))],
                Actions = [CardParts.Button(context, UiTextKeys.ActionConfirmRemove, CardVerbs.RemoveCommitment, question.Id, index: existing)],
            };
            actions.Add(new ShowCardAction(confirm) { Title = context.T(UiTextKeys.ActionRemoveCommitment) });
        }
        actions.Add(CardParts.Button(context, UiTextKeys.ActionLater, CardVerbs.Later, question.Id, sendsInput: true));
        return CardParts.Card(context, body, actions, CardParts.Refresh(context, question.Id));
    }

    private static AdaptiveInput Input(CardContext context, Question question, int step, string? prefill)
    {
        var label = context.T(UiTextKeys.CardAnswerLabel);
        return step switch
        {
            CommitmentFields.ActionStep => new TextInput
            {
                Id = CardDataFields.Answer,
                Label = label,
                IsMultiline = true,
                MaxLength = QuestionLimits.MaxFieldCodeUnits(question.ActionMaxLength),
                Value = prefill,
            },
            CommitmentFields.OrganisationStep => new TextInput
            {
                Id = CardDataFields.Answer,
                Label = label,
                MaxLength = QuestionLimits.MaxFieldCodeUnits(question.OrganisationMaxLength),
                Value = prefill,
            },
            _ => QuestionCards.DateField(CardDataFields.Answer, label, prefill, placeholder: null),
        };
    }
}
