using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Dialogs;

/// <summary>
/// The state the lesson dialogs work on during one turn: the participant's record, the question set, the facts
/// of the turn, and what to show. Immutable; each change returns a new turn.
/// </summary>
internal sealed record LessonTurn(ParticipantRecord Record, QuestionSet Set, TurnFacts Facts)
{
    /// <summary>New messages to send, in order.</summary>
    public ImmutableList<ParticipantView> Replies { get; init; } = [];

    /// <summary>What the pressed card becomes (card input only).</summary>
    public ParticipantView? PressedCard { get; init; }

    /// <summary>
    /// What the participant's open question card (<see cref="ParticipantRecord.OpenCard"/>) becomes, when this turn did
    /// not come from it: its read-only answered form after a typed answer, or the same question in another language.
    /// </summary>
    public ParticipantView? OpenCardView { get; init; }

    /// <summary>The language the participant explicitly chose this turn, to remember for their other workshops.</summary>
    public Language? ChosenLanguage { get; init; }

    /// <summary>The record changed: it must be saved, and its revision goes up by one.</summary>
    public bool Changed { get; init; }

    /// <summary>The revision the record will have once this turn is saved; answers written now carry it.</summary>
    public long SavedRevision => Record.Revision + 1;

    public LessonTurn Update(Func<ParticipantRecord, ParticipantRecord> change) => this with { Record = change(Record), Changed = true };

    /// <summary>
    /// Shows <paramref name="view"/> where the participant is looking: in place of the pressed card when a card button
    /// brought us here, else as a new message.
    /// </summary>
    public LessonTurn Present(ParticipantView view) =>
        Facts.FromCard && PressedCard is null ? this with { PressedCard = view } : Send(view);

    /// <summary>Sends <paramref name="view"/> as a new message.</summary>
    public LessonTurn Send(ParticipantView view) => this with { Replies = Replies.Add(view) };

    /// <summary>
    /// Turns the card the participant answered on into <paramref name="view"/>, e.g. the read-only answered card: the
    /// pressed card, or for an answer typed in the chat the open question card.
    /// </summary>
    public LessonTurn Settle(ParticipantView view) => Facts.FromCard
        ? PressedCard is null ? this with { PressedCard = view } : this
        : OpenCardView is null ? this with { OpenCardView = view } : this;

    public LessonTurn SetAnswer(string questionId, Answer answer) => Update(r => r with
    {
        Answers = r.Answers.SetItem(questionId, answer with { Revision = SavedRevision, AnsweredAt = Facts.Now }),
        Drafts = r.Drafts.Remove(questionId),
    });
}
