using System.Globalization;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Questions.Kinds;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Participants.Dialogs;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// One participant's side of the lesson extraction, as a pure function: the stored record, the question set and
/// what the participant did give the new record and what to show. Commands and card buttons are interpreted here;
/// the steps themselves are the <see cref="LessonDialog"/> and <see cref="CommitmentDialog"/> on the record's stack.
/// </summary>
internal sealed class ParticipantConversation
{
    private readonly DialogEngine<LessonTurn, LessonInput> _engine = new([new LessonDialog(), new CommitmentDialog()]);

    public ParticipantTurnOutcome Handle(ParticipantRecord record, QuestionSet set, ParticipantInput input, TurnFacts facts)
    {
        var turn = new LessonTurn(record, set, facts);
        switch (input)
        {
            case ParticipantInput.Command command:
                turn = SettleOpenCard(OnCommand(ImpliedLanguage(turn, command), command.Value), pressedIsOpen: false);
                break;
            case ParticipantInput.Text text:
                turn = SettleOpenCard(OnText(turn, text.Value), pressedIsOpen: false);
                break;
            case ParticipantInput.CardAction action:
                var data = action.Data;
                if (data.QuestionId is { } questionId && set.Find(questionId) is null)
                {
                    return ParticipantTurnOutcome.Refused(record, Notice.Problem(UiTextKeys.ErrorInvalidCard), "unknown question");
                }
                if (action.IsRefresh || data.Verb == CardVerbs.Refresh)
                {
                    return Unchanged(turn with { PressedCard = RefreshView(turn, data) });
                }
                if (CardVerbs.Mutates(data.Verb ?? "") && !IsCurrent(turn, data))
                {
                    return Unchanged(Stale(turn, data));
                }
                turn = OnCard(turn, data);
                turn = SettleOpenCard(turn, OpenCardTracking.IsOpenCard(record, turn.Facts.PressedActivityId, data.QuestionId, data.Revision));
                break;
            case ParticipantInput.Join join:
                turn = Join(turn, join);
                break;
            default:
                throw new ArgumentException($"Unknown input {input.GetType().Name}.", nameof(input));
        }
        return Finish(turn);
    }

    /// <summary>
    /// The answer to an activity that was already applied (a redelivery). A card gets its current state; a message
    /// gets nothing, since its replies went out the first time.
    /// </summary>
    public static ParticipantTurnOutcome Replay(ParticipantRecord record, QuestionSet set, ParticipantInput input, TurnFacts facts)
    {
        var turn = new LessonTurn(record, set, facts);
        if (input is ParticipantInput.CardAction { Data: var data }
            && (data.QuestionId is null || set.Find(data.QuestionId) is not null))
        {
            turn = turn with { PressedCard = RefreshView(turn, data) ?? CurrentView(turn) };
        }
        return Unchanged(turn);
    }

    /// <summary>What the participant's dialog shows now: the open question or step, or the welcome or submitted card.</summary>
    public static ParticipantView CurrentView(LessonTurn turn) => turn.Record.Dialog.Top switch
    {
        null when turn.Record.Status == ParticipantStatus.Submitted => new ParticipantView.SubmittedCard(),
        null => new ParticipantView.WelcomeCard(),
        { DialogId: DialogIds.Commitment } frame => CommitmentDialog.StepView(turn, frame),
        var frame => LessonDialog.ViewAt(turn, frame.Step),
    };

    private static ParticipantTurnOutcome Unchanged(LessonTurn turn) =>
        new(turn.Record, Changed: false, turn.Replies, turn.PressedCard, Refusal: null, RefusalReason: null);

    private static ParticipantTurnOutcome Finish(LessonTurn turn)
    {
        var record = turn.Record;
        if (turn.Changed)
        {
            record = (record with { Revision = turn.SavedRevision, UpdatedAt = turn.Facts.Now }).WithProcessed(turn.Facts.ActivityId);
        }
        return new(record, turn.Changed, turn.Replies, turn.PressedCard, Refusal: null, RefusalReason: null)
        {
            OpenCardView = turn.OpenCardView,
            ChosenLanguage = turn.ChosenLanguage,
        };
    }

    /// <summary>
    /// Never two open cards for one question: when the turn shows the open question anew somewhere else (a new message,
    /// or another card pressed), the card that held it until now becomes its read-only answered form.
    /// </summary>
    private static LessonTurn SettleOpenCard(LessonTurn turn, bool pressedIsOpen)
    {
        if (turn.OpenCardView is not null || pressedIsOpen || turn.Record.OpenCard is not { } open || turn.Set.Find(open.QuestionId) is null)
        {
            return turn;
        }
        var shownElsewhere = turn.Replies.Any(v => v is ParticipantView.ReviewCards || OpenCardTracking.QuestionIdOf(v, turn.Set) is not null)
            || OpenCardTracking.QuestionIdOf(turn.PressedCard, turn.Set) is not null;
        return shownElsewhere ? turn with { OpenCardView = new ParticipantView.AnsweredCard(open.QuestionId) } : turn;
    }

    /// <summary>
    /// A Thai command word ("เริ่ม") tells us the person reads Thai: until they choose a language, the bot answers in
    /// Thai even in a workshop held in English. The choice of language itself is the command's own business.
    /// </summary>
    private static LessonTurn ImpliedLanguage(LessonTurn turn, ParticipantInput.Command command) =>
        command.WrittenInThai
        && turn.Record.Language is null
        && turn.Facts.WorkshopLanguage != Language.Thai
        && command.Value is not (ParticipantCommand.ChooseLanguage or ParticipantCommand.OtherLanguage)
            ? turn.Update(r => r with { Language = Language.Thai.ToCode() })
            : turn;

    private LessonTurn OnCommand(LessonTurn turn, ParticipantCommand command) => command switch
    {
        ParticipantCommand.Help => turn.Send(ParticipantView.Text(Notice.Info(UiTextKeys.Help))),
        ParticipantCommand.Start or ParticipantCommand.Continue => Resume(turn, inPlace: false),
        ParticipantCommand.Status => turn.Send(ParticipantView.Text(StatusNotice(turn))),
        ParticipantCommand.Edit edit => GoTo(turn, edit.Number - 1),
        ParticipantCommand.Review => Review(turn),
        ParticipantCommand.ChooseLanguage choose => ChooseLanguage(turn, choose.Language, fromCard: false),
        ParticipantCommand.OtherLanguage => ChooseLanguage(
            turn, ParticipantLanguage.Resolve(turn.Record.Language, turn.Facts.WorkshopLanguage) == Language.Thai ? Language.English : Language.Thai, fromCard: false),
        ParticipantCommand.Cancel => Cancel(turn),
        ParticipantCommand.Skip => InDialog(turn) ? Run(turn, new LessonInput.Skip()) : OnText(turn, null),
        ParticipantCommand.Back => InDialog(turn) ? Run(turn, new LessonInput.Back()) : OnText(turn, null),
        _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
    };

    /// <summary>
    /// Joining from the channel: the group (and, in named workshops, the name) is recorded, then the questions start, or
    /// continue where the participant left off, in their personal chat: always as new messages, since the pressed card
    /// is in the channel.
    /// </summary>
    private LessonTurn Join(LessonTurn turn, ParticipantInput.Join join)
    {
        var record = turn.Record;
        if (record.GroupId != join.GroupId || record.DisplayName != join.DisplayName)
        {
            turn = turn.Update(r => r with { GroupId = join.GroupId, DisplayName = join.DisplayName });
        }
        var personal = turn with { Facts = turn.Facts with { FromCard = false } };
        return Resume(personal, inPlace: false) with { Facts = turn.Facts };
    }

    private static bool InDialog(LessonTurn turn) => turn.Record.Status == ParticipantStatus.InProgress && !turn.Record.Dialog.IsEmpty;

    /// <summary>Typed text: the answer to the open question; outside the questions (or a command word there), a hint.</summary>
    private LessonTurn OnText(LessonTurn turn, string? text) => turn.Record.Status switch
    {
        ParticipantStatus.InProgress when !turn.Record.Dialog.IsEmpty && text is not null => Run(turn, new LessonInput.Answer(text)),
        ParticipantStatus.Paused => turn.Send(ParticipantView.Text(Notice.Info(UiTextKeys.NoticePausedHint))),
        ParticipantStatus.Submitted => turn.Send(ParticipantView.Text(Notice.Info(UiTextKeys.NoticeSubmittedHint))),
        _ => turn.Send(new ParticipantView.WelcomeCard()),
    };

    private LessonTurn OnCard(LessonTurn turn, CardActionData data) => data.Verb switch
    {
        CardVerbs.Start => Resume(turn, inPlace: false),
        CardVerbs.Continue => Resume(turn, inPlace: true),
        CardVerbs.Edit when data.QuestionId is { } id => GoTo(turn, turn.Set.IndexOf(id)),
        CardVerbs.Review => Review(turn),
        CardVerbs.Language when data.ChosenLanguage is { } language => ChooseLanguage(turn, language, fromCard: true, data),
        CardVerbs.Later when data.Commitment is { } form => PauseCommitment(turn, form),
        CardVerbs.Later => Pause(turn, data.Answer),
        CardVerbs.Submit => Submit(turn),
        CardVerbs.Answer when data.Commitment is { } form => Run(turn, new LessonInput.Commitment(form, Finish: true)),
        CardVerbs.AddCommitment when data.Commitment is { } form => Run(turn, new LessonInput.Commitment(form, Finish: false)),
        CardVerbs.Answer => Run(turn, new LessonInput.Answer(data.Answer)),
        CardVerbs.Back => Run(turn, new LessonInput.Back()),
        CardVerbs.Skip => Run(turn, new LessonInput.Skip()),
        CardVerbs.AddCommitment => Run(turn, new LessonInput.AddCommitment()),
        CardVerbs.EditCommitment when data.Index is { } index => Run(turn, new LessonInput.EditCommitment(index)),
        CardVerbs.RemoveCommitment when data.Index is { } index => Run(turn, new LessonInput.RemoveCommitment(index)),
        CardVerbs.CancelCommitment => Run(turn, new LessonInput.Cancel()),
        _ => turn.Present(ParticipantView.Text(Notice.Problem(UiTextKeys.ErrorInvalidCard))),
    };

    private LessonTurn Run(LessonTurn turn, LessonInput input)
    {
        var run = _engine.Continue(turn, turn.Record.Dialog, input);
        return WithStack(run);
    }

    private static LessonTurn WithStack(DialogRun<LessonTurn> run)
    {
        var state = run.State with { Record = run.State.Record with { Dialog = run.Stack } };
        return run.Ended && state.Record.Status == ParticipantStatus.InProgress
            ? state.Update(r => r with { Status = ParticipantStatus.Paused })
            : state;
    }

    /// <summary>Start, or pick up where the participant left off.</summary>
    private LessonTurn Resume(LessonTurn turn, bool inPlace)
    {
        var record = turn.Record;
        if (record.Dialog.IsEmpty)
        {
            if (record.Status == ParticipantStatus.Submitted)
            {
                return turn.Send(ParticipantView.Text(Notice.Info(UiTextKeys.NoticeAlreadySubmitted))).Send(new ParticipantView.ReviewCards());
            }
            if (record.Status == ParticipantStatus.NotStarted && !inPlace)
            {
                turn = turn.Send(new ParticipantView.IntroMessage());
            }
            turn = turn.Update(r => r with { Status = ParticipantStatus.InProgress });
            var first = LessonDialog.NextOpenStep(turn, -1);
            // From the welcome card the first question arrives as a new card; the welcome card stays.
            var begin = _engine.Begin(inPlace ? turn : turn with { Facts = turn.Facts with { FromCard = false } }, record.Dialog, LessonDialog.FrameAt(first));
            return WithStack(begin) with { Facts = turn.Facts };
        }
        var wasPaused = record.Status != ParticipantStatus.InProgress;
        if (wasPaused)
        {
            turn = turn.Update(r => r with { Status = ParticipantStatus.InProgress });
        }
        var view = CurrentView(turn) with { Notice = wasPaused ? Notice.Info(UiTextKeys.NoticeResumed) : null };
        return inPlace ? turn.Present(view) : turn.Send(view);
    }

    private LessonTurn GoTo(LessonTurn turn, int index)
    {
        if (index < 0 || index >= turn.Set.Count)
        {
            return turn.Present(ParticipantView.Text(Notice.Problem(UiTextKeys.ErrorEditRange, Number(turn.Set.Count))));
        }
        turn = turn.Update(r => r with { Status = ParticipantStatus.InProgress, Dialog = DialogStack.Empty });
        return WithStack(_engine.Begin(turn, DialogStack.Empty, LessonDialog.FrameAt(index)));
    }

    private static LessonTurn Review(LessonTurn turn) =>
        turn.Record.Answers.IsEmpty
            ? turn.Send(ParticipantView.Text(Notice.Info(UiTextKeys.NoticeNothingToReview)))
            : turn.Send(new ParticipantView.ReviewCards());

    /// <summary>
    /// Switches language and shows the current card again in it, in place: the pressed card when it holds the open
    /// question, else the open question card itself (updated), so no second card for the question appears.
    /// </summary>
    private static LessonTurn ChooseLanguage(LessonTurn turn, Language language, bool fromCard, CardActionData? pressed = null)
    {
        turn = turn.Update(r => r with { Language = language.ToCode() }) with { ChosenLanguage = language };
        if (!fromCard)
        {
            turn = turn.Send(ParticipantView.Text(Notice.Success(UiTextKeys.NoticeLanguageChanged)));
        }
        var inDialog = turn.Record.Status == ParticipantStatus.InProgress && !turn.Record.Dialog.IsEmpty;
        if (!inDialog)
        {
            return fromCard ? turn.Present(CurrentView(turn)) : turn;
        }
        var pressedIsOpen = pressed is not null
            && OpenCardTracking.IsOpenCard(turn.Record, turn.Facts.PressedActivityId, pressed.QuestionId, pressed.Revision);
        var open = turn.Record.OpenCard;
        if (pressedIsOpen || open is null || open.QuestionId != CurrentQuestionId(turn))
        {
            return turn.Present(CurrentView(turn));
        }
        turn = turn with { OpenCardView = CurrentView(turn) };
        // The pressed card (the welcome card, an older question) is shown again as what it was, in the new language.
        return pressed is null
            ? turn
            : turn.Present(pressed.QuestionId is { } id ? new ParticipantView.AnsweredCard(id) : new ParticipantView.WelcomeCard());
    }

    private LessonTurn Cancel(LessonTurn turn)
    {
        if (turn.Record.Status == ParticipantStatus.InProgress && turn.Record.Dialog.Top is { DialogId: DialogIds.Commitment })
        {
            return WithStack(_engine.CancelTop(turn, turn.Record.Dialog));
        }
        if (turn.Record.Status == ParticipantStatus.InProgress)
        {
            return turn.Update(r => r with { Status = ParticipantStatus.Paused })
                .Send(ParticipantView.Text(Notice.Info(UiTextKeys.NoticePausedHint)));
        }
        return turn.Send(ParticipantView.Text(Notice.Info(UiTextKeys.NoticeNothingToCancel)));
    }

    /// <summary>"Save and continue later": keeps what is in the field as a draft and closes the card.</summary>
    private static LessonTurn Pause(LessonTurn turn, string? typed)
    {
        var draft = DraftSlot(turn);
        turn = turn.Update(r => r with
        {
            Status = ParticipantStatus.Paused,
            Drafts = draft is { } slot && !string.IsNullOrWhiteSpace(typed)
                ? r.Drafts.SetItem(slot.Key, AnswerValidator.ForField(typed, slot.MaxLength)!)
                : r.Drafts,
        });
        return turn.Present(new ParticipantView.PausedCard());
    }

    /// <summary>"Save and continue later" on the commitment card: each filled field is kept as a draft.</summary>
    private static LessonTurn PauseCommitment(LessonTurn turn, CommitmentForm form)
    {
        var question = turn.Record.Dialog.Top switch
        {
            { DialogId: DialogIds.Commitment } frame => CommitmentDialog.QuestionOf(turn, frame),
            { DialogId: DialogIds.Lesson } frame when frame.Step < turn.Set.Count && turn.Set.Questions[frame.Step] is { Kind: CommitmentsKind } q => q,
            _ => null,
        };
        if (question is null)
        {
            return Pause(turn, typed: null);
        }
        turn = turn.Update(r => r with { Drafts = CommitmentFields.WithDrafts(r.Drafts, question, form) });
        return Pause(turn, typed: null);
    }

    private static (string Key, int MaxLength)? DraftSlot(LessonTurn turn)
    {
        switch (turn.Record.Dialog.Top)
        {
            case { DialogId: DialogIds.Commitment } frame when CommitmentDialog.QuestionOf(turn, frame) is { } question:
                var limit = frame.Step == CommitmentFields.OrganisationStep ? question.OrganisationMaxLength : question.ActionMaxLength;
                return (CommitmentFields.DraftKey(question.Id, frame.Step), limit);
            case { DialogId: DialogIds.Lesson } frame when frame.Step < turn.Set.Count
                                                          && turn.Set.Questions[frame.Step] is { Kind: not CommitmentsKind } question:
                return (question.Id, question.MaxLength);
            default:
                return null;
        }
    }

    private static LessonTurn Submit(LessonTurn turn)
    {
        var missing = ParticipantProgress.MissingRequired(turn.Record, turn.Set);
        if (missing.Count > 0)
        {
            return turn.Present(ParticipantView.Text(Notice.Problem(UiTextKeys.ErrorMissingRequired, string.Join(", ", missing))));
        }
        return turn.Update(r => r with
        {
            Status = ParticipantStatus.Submitted,
            SubmittedAt = r.SubmittedAt ?? turn.Facts.Now,
            Dialog = DialogStack.Empty,
        }).Present(new ParticipantView.SubmittedCard());
    }

    private static Notice StatusNotice(LessonTurn turn)
    {
        var answered = ParticipantProgress.Answered(turn.Record, turn.Set);
        var missing = ParticipantProgress.MissingRequired(turn.Record, turn.Set);
        var key = turn.Record.Status switch
        {
            ParticipantStatus.NotStarted => UiTextKeys.StatusNotStarted,
            ParticipantStatus.Submitted => UiTextKeys.StatusSubmitted,
            ParticipantStatus.Paused => UiTextKeys.StatusPaused,
            _ => UiTextKeys.StatusInProgress,
        };
        return Notice.Info(key, Number(answered), Number(turn.Set.Count), missing.Count == 0 ? "-" : string.Join(", ", missing));
    }

    /// <summary>True when the card the button is on is the newest one for where the dialog is now.</summary>
    private static bool IsCurrent(LessonTurn turn, CardActionData data)
    {
        if (data.Revision != turn.Record.Revision)
        {
            return false;
        }
        if (data.Verb == CardVerbs.Submit)
        {
            return true;
        }
        if (turn.Record.Status != ParticipantStatus.InProgress)
        {
            return false;
        }
        return turn.Record.Dialog.Top switch
        {
            { DialogId: DialogIds.Commitment } frame => data.QuestionId == frame.Get(CommitmentFields.QuestionId)
                && data.Verb is CardVerbs.Answer or CardVerbs.Back or CardVerbs.Later or CardVerbs.Skip or CardVerbs.CancelCommitment
                   or CardVerbs.RemoveCommitment,
            { DialogId: DialogIds.Lesson } frame when frame.Step >= turn.Set.Count => data.Verb is CardVerbs.Back,
            { DialogId: DialogIds.Lesson } frame => data.QuestionId == turn.Set.Questions[frame.Step].Id && data.Verb != CardVerbs.CancelCommitment,
            _ => false,
        };
    }

    private static LessonTurn Stale(LessonTurn turn, CardActionData data)
    {
        var notice = Notice.Info(UiTextKeys.NoticeStaleCard);
        if (turn.Record.Status == ParticipantStatus.InProgress && !turn.Record.Dialog.IsEmpty)
        {
            return turn.Present(CurrentView(turn) with { Notice = notice });
        }
        return data.QuestionId is { } id
            ? turn.Present(new ParticipantView.AnsweredCard(id) { Notice = notice })
            : turn.Present(ParticipantView.Text(notice));
    }

    /// <summary>The up-to-date look of the card a refresh or a replay came from; null when it shows no question.</summary>
    private static ParticipantView? RefreshView(LessonTurn turn, CardActionData data)
    {
        if (data.QuestionId is not { } id)
        {
            return null;
        }
        var open = turn.Record.Status == ParticipantStatus.InProgress ? CurrentQuestionId(turn) : null;
        return open == id ? CurrentView(turn) : new ParticipantView.AnsweredCard(id);
    }

    private static string? CurrentQuestionId(LessonTurn turn) => turn.Record.Dialog.Top switch
    {
        { DialogId: DialogIds.Commitment } frame => frame.Get(CommitmentFields.QuestionId),
        { DialogId: DialogIds.Lesson } frame when frame.Step < turn.Set.Count => turn.Set.Questions[frame.Step].Id,
        _ => null,
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
