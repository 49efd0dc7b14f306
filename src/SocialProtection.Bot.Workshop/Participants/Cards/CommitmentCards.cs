using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Questions.Kinds;
using SocialProtection.Bot.Workshop.Participants.Dialogs;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>
/// The commitments question as one card: the commitments so far (each with an edit button) and the fields of the
/// next one, what, who and by when together, saved with "add another" or "finish". Editing one commitment (or adding
/// one by typing in the chat) shows the same three fields on one card.
/// </summary>
internal static class CommitmentCards
{
    /// <summary>
    /// The list with the longest previews that keep the card within <see cref="CardBudget"/>; as a last resort without
    /// the question's help text.
    /// </summary>
    public static AdaptiveCard List(CardContext context, int index, CommitmentForm form, Notice? notice) => CardBudget.FirstThatFits(
        CardBudget.PreviewLengths.Select(length => (Func<AdaptiveCard>)(() => List(context, index, form, notice, length, withHelp: true)))
            .Append(() => List(context, index, form, notice, CardBudget.PreviewLengths[^1], withHelp: false)));

    private static AdaptiveCard List(CardContext context, int index, CommitmentForm form, Notice? notice, int previewLength, bool withHelp)
    {
        var question = context.Set.Questions[index];
        var commitments = LessonDialog.CommitmentsOf(context.Record, question);
        var items = commitments.Select((c, i) => (AdaptiveElement)CommitmentsKind.Item(context.Language, c, i, previewLength,
            new ActionSet([CardParts.Button(context, UiTextKeys.ActionEditCommitment, CardVerbs.EditCommitment, question.Id, index: i)])));
        var room = commitments.Count < question.MaxItems;
        var body = CardParts.Body(
            [CardParts.Caption(CardParts.Progress(context, index, CardParts.RequiredKey(question)))],
            CardParts.Bilingual(context, question.Text),
            [withHelp && question.Help is { } help ? CardParts.Hint(CardParts.Escaped(help).In(context.Language)) : null],
            [CardParts.NoticeBlock(context, notice)],
            commitments.Count == 0 ? [] : [CardParts.Caption(context.T(UiTextKeys.CommitmentCount, CardParts.Number(commitments.Count), CardParts.Number(question.MaxItems)))],
            items,
            room ? Fields(context, question, commitments.Count, form) : []);
        var actions = new List<AdaptiveAction>();
        if (room)
        {
            actions.Add(CardParts.Button(context, UiTextKeys.ActionAddAnotherCommitment, CardVerbs.AddCommitment, question.Id, sendsInput: true));
        }
        actions.Add(CardParts.Button(context, UiTextKeys.ActionFinishCommitments, CardVerbs.Answer, question.Id, sendsInput: room));
        if (index > 0)
        {
            actions.Add(CardParts.Button(context, UiTextKeys.ActionBack, CardVerbs.Back, question.Id));
        }
        if (!question.Required && commitments.Count == 0)
        {
            actions.Add(CardParts.Button(context, UiTextKeys.ActionSkip, CardVerbs.Skip, question.Id));
        }
        actions.Add(CardParts.Button(context, UiTextKeys.ActionLater, CardVerbs.Later, question.Id, sendsInput: room));
        return CardParts.Card(context, body, actions, CardParts.Refresh(context, question.Id));
    }

    /// <summary>Editing one commitment, or adding one typed in the chat: its three fields on one card.</summary>
    public static AdaptiveCard Step(CardContext context, DialogFrame frame, string? prefill, CommitmentForm? form, Notice? notice)
    {
        var questionId = frame.Get(CommitmentFields.QuestionId) ?? "";
        var question = context.Set.Find(questionId)
            ?? throw new InvalidOperationException("The commitment dialog's question is not in the set.");
        var step = Math.Clamp(frame.Step, 0, CommitmentFields.StepCount - 1);
        var editing = int.TryParse(frame.Get(CommitmentFields.Index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 ? i : (int?)null;
        var number = editing ?? LessonDialog.CommitmentsOf(context.Record, question).Count;
        // Typed input fills one field per message; the card says which one the next message fills.
        var values = form ?? FrameForm(context, frame, questionId, step, prefill);
        var body = CardParts.Body(
            [CardParts.Caption(context.T(UiTextKeys.CommitmentStepProgress, CardParts.Number(number + 1), CardParts.Number(step + 1)))],
            [CardParts.NoticeBlock(context, notice)],
            Fields(context, question, number, values, heading: false));
        var actions = new List<AdaptiveAction>
        {
            CardParts.Button(context, UiTextKeys.ActionSaveAnswer, CardVerbs.Answer, question.Id, sendsInput: true),
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

    /// <summary>The frame's values, with drafts (and the prefill of the field typed next) over them.</summary>
    private static CommitmentForm FrameForm(CardContext context, DialogFrame frame, string questionId, int step, string? prefill)
    {
        var drafts = CommitmentFields.DraftForm(context.Record.Drafts, questionId);
        string? Value(int field, string? draft) =>
            field == step && prefill is not null ? prefill : draft ?? frame.Get(CommitmentFields.ForStep(field));
        return new CommitmentForm(
            Value(CommitmentFields.ActionStep, drafts.Action),
            Value(CommitmentFields.OrganisationStep, drafts.Organisation),
            Value(CommitmentFields.DueDateStep, drafts.DueDate));
    }

    /// <summary>What, who, by when: the three inputs of one commitment, under a heading naming its number.</summary>
    private static IEnumerable<AdaptiveElement?> Fields(CardContext context, Question question, int number, CommitmentForm form, bool heading = true)
    {
        if (heading)
        {
            yield return CardParts.Paragraph("**" + context.T(UiTextKeys.CommitmentNewHeading, CardParts.Number(number + 1)) + "**");
        }
        yield return new TextInput
        {
            Id = CardDataFields.CommitmentAction,
            Label = context.T(UiTextKeys.CommitmentPromptAction),
            IsMultiline = true,
            MaxLength = QuestionLimits.MaxFieldCodeUnits(question.ActionMaxLength),
            Value = form.Action,
        };
        yield return new TextInput
        {
            Id = CardDataFields.CommitmentOrganisation,
            Label = context.T(UiTextKeys.CommitmentPromptOrganisation),
            MaxLength = QuestionLimits.MaxFieldCodeUnits(question.OrganisationMaxLength),
            Value = form.Organisation,
        };
        yield return DateKind.Field(form.DueDate, placeholder: null) with { Id = CardDataFields.CommitmentDueDate, Label = context.T(UiTextKeys.CommitmentPromptDueDate) };
        yield return CardParts.Hint(context.T(UiTextKeys.CommitmentDateHelp));
    }
}
