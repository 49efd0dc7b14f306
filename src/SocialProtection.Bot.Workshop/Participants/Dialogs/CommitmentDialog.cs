using System.Collections.Immutable;
using System.Globalization;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Questions.Kinds;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Dialogs;

/// <summary>
/// Adds or edits one commitment in three steps: the action, the organisation responsible, the due date. Ends with
/// the commitment's values, or with no result when cancelled (Back on the first step, or Cancel).
/// </summary>
internal sealed class CommitmentDialog : IDialog<LessonTurn, LessonInput>
{
    public string Id => DialogIds.Commitment;

    public DialogStep<LessonTurn> Begin(LessonTurn state, DialogFrame frame)
    {
        if (frame.Get(CommitmentFields.TypedAction) is { } typed)
        {
            return Accept(state, frame.With(CommitmentFields.TypedAction, null), typed);
        }
        return new DialogStep<LessonTurn>.Wait(state.Present(StepView(state, frame)), frame);
    }

    public DialogStep<LessonTurn> Continue(LessonTurn state, DialogFrame frame, LessonInput input) => input switch
    {
        LessonInput.Answer answer => Accept(state, frame, answer.Value),
        LessonInput.Commitment commitment => AcceptCard(state, frame, commitment.Form),
        LessonInput.Back when frame.Step == CommitmentFields.ActionStep => new DialogStep<LessonTurn>.End(state.Update(r => r), null),
        LessonInput.Back => Show(state.Update(r => r), frame.AtStep(frame.Step - 1), prefill: null, notice: null),
        LessonInput.Cancel => new DialogStep<LessonTurn>.End(state.Update(r => r), null),
        LessonInput.Skip => Show(state, frame, prefill: null, Notice.Problem(UiTextKeys.ErrorCannotSkip)),
        LessonInput.RemoveCommitment remove when frame.Get(CommitmentFields.Index) == remove.Index.ToString(CultureInfo.InvariantCulture) =>
            new DialogStep<LessonTurn>.End(state.Update(r => r), ImmutableSortedDictionary<string, string>.Empty
                .Add(CommitmentFields.Index, frame.Get(CommitmentFields.Index)!)
                .Add(CommitmentFields.Removed, "true")),
        _ => Show(state, frame, prefill: null, Notice.Info(UiTextKeys.NoticeNotAvailable)),
    };

    public DialogStep<LessonTurn> Resume(LessonTurn state, DialogFrame frame, ImmutableSortedDictionary<string, string>? result) =>
        Show(state, frame, prefill: null, notice: null);

    /// <summary>The commitments question this frame adds to, or null when the set no longer has it.</summary>
    public static Question? QuestionOf(LessonTurn state, DialogFrame frame) =>
        frame.Get(CommitmentFields.QuestionId) is { } id && state.Set.Find(id) is { Kind: CommitmentsKind } question ? question : null;

    /// <summary>The card for the frame's step, prefilled with its draft or the value it holds.</summary>
    public static ParticipantView.CommitmentStepCard StepView(LessonTurn state, DialogFrame frame, string? prefill = null)
    {
        var field = CommitmentFields.ForStep(Math.Clamp(frame.Step, 0, CommitmentFields.StepCount - 1));
        var draftKey = CommitmentFields.DraftKey(frame.Get(CommitmentFields.QuestionId) ?? "", frame.Step);
        return new ParticipantView.CommitmentStepCard(frame, prefill ?? state.Record.Drafts.GetValueOrDefault(draftKey) ?? frame.Get(field));
    }

    private static DialogStep<LessonTurn> Accept(LessonTurn state, DialogFrame frame, string? value)
    {
        if (QuestionOf(state, frame) is not { } question)
        {
            return new DialogStep<LessonTurn>.End(state.Update(r => r), null);
        }
        var step = Math.Clamp(frame.Step, 0, CommitmentFields.StepCount - 1);
        string? accepted;
        Notice? error;
        switch (step)
        {
            case CommitmentFields.ActionStep:
                error = AnswerValidator.CheckText(value, question.ActionMaxLength);
                accepted = value;
                break;
            case CommitmentFields.OrganisationStep:
                error = AnswerValidator.CheckText(value, question.OrganisationMaxLength);
                accepted = value;
                break;
            default:
                (var date, error) = AnswerValidator.CheckDueDate(value, state.Facts.Today);
                accepted = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
        }
        if (error is not null)
        {
            var limit = step == CommitmentFields.OrganisationStep ? question.OrganisationMaxLength : question.ActionMaxLength;
            return Show(state, frame, AnswerValidator.ForField(value, limit), error);
        }
        var field = CommitmentFields.ForStep(step);
        var draftKey = CommitmentFields.DraftKey(question.Id, step);
        state = state.Update(r => r with { Drafts = r.Drafts.Remove(draftKey) });
        var filled = frame.With(field, accepted);
        if (step == CommitmentFields.DueDateStep)
        {
            return new DialogStep<LessonTurn>.End(state, filled.Values.Remove(CommitmentFields.QuestionId));
        }
        return Show(state, filled.AtStep(step + 1), prefill: null, notice: null);
    }

    /// <summary>The one card's Save: all three fields at once; the commitment ends the dialog, a problem shows the card again.</summary>
    private static DialogStep<LessonTurn> AcceptCard(LessonTurn state, DialogFrame frame, CommitmentForm form)
    {
        if (QuestionOf(state, frame) is not { } question)
        {
            return new DialogStep<LessonTurn>.End(state.Update(r => r), null);
        }
        if (CommitmentFields.Check(question, form, state.Facts.Today, out var error) is not { } commitment)
        {
            return new DialogStep<LessonTurn>.Wait(state.Present(StepView(state, frame) with { Notice = error, Form = form }), frame);
        }
        state = state.Update(r => r with { Drafts = CommitmentFields.WithoutDrafts(r.Drafts, question.Id) });
        var filled = frame
            .With(CommitmentFields.Action, commitment.Action)
            .With(CommitmentFields.Organisation, commitment.Organisation)
            .With(CommitmentFields.DueDate, commitment.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return new DialogStep<LessonTurn>.End(state, filled.Values.Remove(CommitmentFields.QuestionId));
    }

    private static DialogStep<LessonTurn> Show(LessonTurn state, DialogFrame frame, string? prefill, Notice? notice) =>
        new DialogStep<LessonTurn>.Wait(state.Present(StepView(state, frame, prefill) with { Notice = notice }), frame);
}
