using System.Collections.Immutable;
using System.Globalization;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Dialogs;

/// <summary>
/// The lesson-extraction dialog: one step per question, then a review step (step = number of questions).
/// After an answer it moves to the next question that has no answer yet, so editing an early answer leads back
/// to where the participant was, and a finished participant lands on the review.
/// </summary>
internal sealed class LessonDialog : IDialog<LessonTurn, LessonInput>
{
    public string Id => DialogIds.Lesson;

    public static DialogFrame FrameAt(int step) => DialogFrame.Start(DialogIds.Lesson, step);

    public DialogStep<LessonTurn> Begin(LessonTurn state, DialogFrame frame) =>
        new DialogStep<LessonTurn>.Wait(state.Present(ViewAt(state, frame.Step)), frame);

    public DialogStep<LessonTurn> Continue(LessonTurn state, DialogFrame frame, LessonInput input)
    {
        var step = Math.Clamp(frame.Step, 0, state.Set.Count);
        if (step == state.Set.Count)
        {
            return ContinueReview(state, frame, input);
        }
        var question = state.Set.Questions[step];
        return input switch
        {
            LessonInput.Answer answer when question.Kind == QuestionKind.Commitments => CommitmentsNext(state, frame, question, answer.Value),
            LessonInput.Commitment commitment when question.Kind == QuestionKind.Commitments => SaveFromCard(state, frame, question, commitment),
            LessonInput.Answer answer => Answer(state, frame, question, answer.Value),
            LessonInput.Back => Back(state, frame),
            LessonInput.Skip => Skip(state, frame, question),
            LessonInput.AddCommitment when question.Kind == QuestionKind.Commitments => AddCommitment(state, frame, question, typedAction: null),
            LessonInput.EditCommitment edit when question.Kind == QuestionKind.Commitments => EditCommitment(state, frame, question, edit.Index),
            LessonInput.RemoveCommitment remove when question.Kind == QuestionKind.Commitments => RemoveCommitment(state, frame, question, remove.Index),
            _ => Stay(state, frame, Notice.Info(UiTextKeys.NoticeNotAvailable)),
        };
    }

    public DialogStep<LessonTurn> Resume(LessonTurn state, DialogFrame frame, ImmutableSortedDictionary<string, string>? result)
    {
        var question = state.Set.Questions[Math.Clamp(frame.Step, 0, state.Set.Count - 1)];
        if (result is null || question.Kind != QuestionKind.Commitments)
        {
            return new DialogStep<LessonTurn>.Wait(state.Present(ViewAt(state, frame.Step)), frame);
        }
        var index = int.Parse(result[CommitmentFields.Index], CultureInfo.InvariantCulture);
        if (result.ContainsKey(CommitmentFields.Removed))
        {
            return RemoveCommitment(state, frame, question, index);
        }
        var dueDate = DateOnly.ParseExact(result[CommitmentFields.DueDate], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        state = Store(state, question, index, result[CommitmentFields.Action], result[CommitmentFields.Organisation], dueDate);
        return Stay(state, frame, Notice.Success(UiTextKeys.NoticeCommitmentSaved));
    }

    /// <summary>Puts a commitment at <paramref name="index"/> in the list (keeping its id), or adds it with a new id.</summary>
    private static LessonTurn Store(LessonTurn state, Question question, int index, string action, string organisation, DateOnly dueDate)
    {
        var list = CommitmentsOf(state.Record, question).ToList();
        if (index >= 0 && index < list.Count)
        {
            list[index] = list[index] with { Action = action, Organisation = organisation, DueDate = dueDate };
        }
        else
        {
            var number = state.Record.CommitmentsCreated + 1;
            state = state.Update(r => r with { CommitmentsCreated = number });
            list.Add(new Commitment("c" + number.ToString(CultureInfo.InvariantCulture), action, organisation, dueDate));
        }
        state = state.Update(r => r with { Drafts = CommitmentFields.WithoutDrafts(r.Drafts, question.Id) });
        return state.SetAnswer(question.Id, new Answer { Kind = QuestionKind.Commitments, Commitments = list });
    }

    /// <summary>
    /// The commitment card's "add another" or "finish": what, who and by when are saved as one commitment; "finish"
    /// with nothing filled in only moves on. A refused save shows the card again with the fields as they were.
    /// </summary>
    private static DialogStep<LessonTurn> SaveFromCard(LessonTurn state, DialogFrame frame, Question question, LessonInput.Commitment input)
    {
        if (input.Form.IsBlank)
        {
            return input.Finish
                ? CommitmentsNext(state, frame, question, typed: null)
                : Stay(state, frame, Notice.Problem(UiTextKeys.ErrorCommitmentIncomplete));
        }
        if (CommitmentsOf(state.Record, question).Count >= question.MaxItems)
        {
            return Stay(state, frame, Notice.Problem(UiTextKeys.ErrorTooManyCommitments, Number(question.MaxItems)));
        }
        if (CommitmentFields.Check(question, input.Form, state.Facts.Today, out var error) is not { } commitment)
        {
            var retry = new ParticipantView.CommitmentListCard(frame.Step) { Form = input.Form, Notice = error };
            return new DialogStep<LessonTurn>.Wait(state.Present(retry), frame);
        }
        state = Store(state, question, index: -1, commitment.Action, commitment.Organisation, commitment.DueDate);
        return input.Finish
            ? CommitmentsNext(state, frame, question, typed: null)
            : Stay(state, frame, Notice.Success(UiTextKeys.NoticeCommitmentSaved));
    }

    /// <summary>What the participant sees at <paramref name="step"/>: a question (with its draft or current answer), the commitment list, or the review.</summary>
    public static ParticipantView ViewAt(LessonTurn state, int step)
    {
        if (step >= state.Set.Count)
        {
            return new ParticipantView.ReviewCards();
        }
        var question = state.Set.Questions[step];
        if (question.Kind == QuestionKind.Commitments)
        {
            return new ParticipantView.CommitmentListCard(step) { Form = CommitmentFields.DraftForm(state.Record.Drafts, question.Id) };
        }
        var prefill = state.Record.Drafts.GetValueOrDefault(question.Id)
            ?? (state.Record.Answers.GetValueOrDefault(question.Id) is { } answer ? question.Kind.FieldValue(answer) : null);
        return new ParticipantView.QuestionCard(step, prefill);
    }

    /// <summary>The first question after <paramref name="step"/> with no answer yet, or the review step.</summary>
    public static int NextOpenStep(LessonTurn state, int step)
    {
        for (var i = step + 1; i < state.Set.Count; i++)
        {
            if (!state.Record.Answers.ContainsKey(state.Set.Questions[i].Id))
            {
                return i;
            }
        }
        return state.Set.Count;
    }

    public static IReadOnlyList<Commitment> CommitmentsOf(ParticipantRecord record, Question question) =>
        record.Answers.GetValueOrDefault(question.Id)?.Commitments ?? [];

    private static DialogStep<LessonTurn> Answer(LessonTurn state, DialogFrame frame, Question question, string? value)
    {
        switch (AnswerValidator.Check(question, value, typed: !state.Facts.FromCard, state.Facts.Today))
        {
            case AnswerCheck.Invalid invalid:
                var retry = new ParticipantView.QuestionCard(frame.Step, AnswerValidator.ForField(value, question.MaxLength)) { Notice = invalid.Error };
                return new DialogStep<LessonTurn>.Wait(state.Present(retry), frame);
            case AnswerCheck.Valid valid:
                state = state.SetAnswer(question.Id, valid.Answer).Settle(new ParticipantView.AnsweredCard(question.Id)
                {
                    Notice = Notice.Success(valid.Answer.Skipped ? UiTextKeys.NoticeSkipped : UiTextKeys.NoticeSaved),
                });
                return Advance(state, frame);
            default:
                throw new InvalidOperationException("Unknown answer check.");
        }
    }

    private static DialogStep<LessonTurn> CommitmentsNext(LessonTurn state, DialogFrame frame, Question question, string? typed)
    {
        if (!state.Facts.FromCard && !string.IsNullOrWhiteSpace(typed))
        {
            // Typed text on the list starts a new commitment with it as the action.
            return AddCommitment(state, frame, question, typed);
        }
        var count = CommitmentsOf(state.Record, question).Count;
        if (count < question.MinItems)
        {
            return Stay(state, frame, Notice.Problem(UiTextKeys.ErrorNeedCommitment, Number(question.MinItems)));
        }
        if (!state.Record.Answers.ContainsKey(question.Id))
        {
            state = state.SetAnswer(question.Id, new Answer { Kind = QuestionKind.Commitments, Skipped = true });
        }
        state = state.Settle(new ParticipantView.AnsweredCard(question.Id) { Notice = Notice.Success(UiTextKeys.NoticeSaved) });
        return Advance(state, frame);
    }

    private static DialogStep<LessonTurn> Advance(LessonTurn state, DialogFrame frame)
    {
        var next = frame.AtStep(NextOpenStep(state, frame.Step));
        state = state.Update(r => r).Send(ViewAt(state, next.Step));
        return new DialogStep<LessonTurn>.Wait(state, next);
    }

    private static DialogStep<LessonTurn> Back(LessonTurn state, DialogFrame frame)
    {
        if (frame.Step == 0)
        {
            return Stay(state, frame, Notice.Info(UiTextKeys.NoticeFirstQuestion));
        }
        var previous = frame.AtStep(frame.Step - 1);
        return new DialogStep<LessonTurn>.Wait(state.Update(r => r).Present(ViewAt(state, previous.Step)), previous);
    }

    private static DialogStep<LessonTurn> Skip(LessonTurn state, DialogFrame frame, Question question)
    {
        if (question.Required)
        {
            return Stay(state, frame, Notice.Problem(UiTextKeys.ErrorCannotSkip));
        }
        if (question.Kind == QuestionKind.Commitments && CommitmentsOf(state.Record, question).Count > 0)
        {
            // Skipping must not throw away commitments already made: it only moves on.
            return CommitmentsNext(state, frame, question, typed: null);
        }
        state = state.SetAnswer(question.Id, new Answer { Kind = question.Kind, Skipped = true })
            .Settle(new ParticipantView.AnsweredCard(question.Id) { Notice = Notice.Info(UiTextKeys.NoticeSkipped) });
        return Advance(state, frame);
    }

    private static DialogStep<LessonTurn> AddCommitment(LessonTurn state, DialogFrame frame, Question question, string? typedAction)
    {
        if (CommitmentsOf(state.Record, question).Count >= question.MaxItems)
        {
            return Stay(state, frame, Notice.Problem(UiTextKeys.ErrorTooManyCommitments, Number(question.MaxItems)));
        }
        var child = DialogFrame.Start(DialogIds.Commitment)
            .With(CommitmentFields.QuestionId, question.Id)
            .With(CommitmentFields.Index, "-1")
            .With(CommitmentFields.TypedAction, typedAction);
        return new DialogStep<LessonTurn>.BeginChild(state.Update(r => r), frame, child);
    }

    private static DialogStep<LessonTurn> EditCommitment(LessonTurn state, DialogFrame frame, Question question, int index)
    {
        var list = CommitmentsOf(state.Record, question);
        if (index < 0 || index >= list.Count)
        {
            return Stay(state, frame, Notice.Problem(UiTextKeys.ErrorNoSuchCommitment));
        }
        var commitment = list[index];
        var child = DialogFrame.Start(DialogIds.Commitment)
            .With(CommitmentFields.QuestionId, question.Id)
            .With(CommitmentFields.Index, Number(index))
            .With(CommitmentFields.Action, commitment.Action)
            .With(CommitmentFields.Organisation, commitment.Organisation)
            .With(CommitmentFields.DueDate, commitment.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return new DialogStep<LessonTurn>.BeginChild(state.Update(r => r), frame, child);
    }

    private static DialogStep<LessonTurn> RemoveCommitment(LessonTurn state, DialogFrame frame, Question question, int index)
    {
        var list = CommitmentsOf(state.Record, question);
        if (index < 0 || index >= list.Count)
        {
            return Stay(state, frame, Notice.Problem(UiTextKeys.ErrorNoSuchCommitment));
        }
        state = state.SetAnswer(question.Id, new Answer { Kind = QuestionKind.Commitments, Commitments = [.. list.Where((_, i) => i != index)] });
        return Stay(state, frame, Notice.Info(UiTextKeys.NoticeCommitmentRemoved));
    }

    private static DialogStep<LessonTurn> ContinueReview(LessonTurn state, DialogFrame frame, LessonInput input)
    {
        if (input is LessonInput.Back)
        {
            return Back(state, frame);
        }
        var notice = input is LessonInput.Answer ? Notice.Info(UiTextKeys.NoticeReviewTypedHint) : Notice.Info(UiTextKeys.NoticeNotAvailable);
        return new DialogStep<LessonTurn>.Wait(state.Send(ParticipantView.Text(notice)), frame);
    }

    /// <summary>Stays on the step and shows it again with <paramref name="notice"/> (in place for a card).</summary>
    private static DialogStep<LessonTurn> Stay(LessonTurn state, DialogFrame frame, Notice notice) =>
        new DialogStep<LessonTurn>.Wait(state.Present(ViewAt(state, frame.Step) with { Notice = notice }), frame);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
