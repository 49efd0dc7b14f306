using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Participants.Dialogs;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// Which message holds the participant's open question card after a turn (<see cref="ParticipantRecord.OpenCard"/>),
/// so the next turn that does not come from that card can update it in place. Pure.
/// </summary>
internal static class OpenCardTracking
{
    /// <summary>The question a view shows with an input (a question, the commitment list or a commitment step); else null.</summary>
    public static string? QuestionIdOf(ParticipantView? view, QuestionSet set) => view switch
    {
        ParticipantView.QuestionCard question when question.Index >= 0 && question.Index < set.Count => set.Questions[question.Index].Id,
        ParticipantView.CommitmentListCard list when list.Index >= 0 && list.Index < set.Count => set.Questions[list.Index].Id,
        ParticipantView.CommitmentStepCard step => step.Frame.Get(CommitmentFields.QuestionId),
        _ => null,
    };

    /// <summary>The question open in <paramref name="record"/>'s dialog, or null (not answering, or on the review).</summary>
    public static string? OpenQuestionId(ParticipantRecord record, QuestionSet set)
    {
        if (record.Status != ParticipantStatus.InProgress)
        {
            return null;
        }
        return record.Dialog.Top switch
        {
            { DialogId: DialogIds.Commitment } frame => frame.Get(CommitmentFields.QuestionId),
            { DialogId: DialogIds.Lesson } frame when frame.Step >= 0 && frame.Step < set.Count => set.Questions[frame.Step].Id,
            _ => null,
        };
    }

    /// <summary>True when the pressed card is the tracked open card: by message id when the client sent it, else by what it shows.</summary>
    public static bool IsOpenCard(ParticipantRecord record, string? pressedActivityId, string? questionId, long? revision) =>
        record.OpenCard is { } open
        && (pressedActivityId is { Length: > 0 } id
            ? id == open.ActivityId
            : questionId == open.QuestionId && revision == open.Revision);

    /// <summary>
    /// The open card once the turn's messages are out: the newest message sent showing the open question; else the
    /// tracked card while it still shows that question (with the revision it was re-rendered at, when it was); else the
    /// pressed card when it now shows it. A press that only re-shows the open question elsewhere (a stale card) moves
    /// nothing, so it writes nothing.
    /// </summary>
    /// <param name="sent">The views sent this turn with the message ids they got (null when the channel gave none).</param>
    public static OpenCard? After(ParticipantTurnOutcome outcome, QuestionSet set, IReadOnlyList<(ParticipantView View, string? ActivityId)> sent, string? pressedActivityId)
    {
        var record = outcome.Record;
        if (OpenQuestionId(record, set) is not { } open)
        {
            return null;
        }
        for (var i = sent.Count - 1; i >= 0; i--)
        {
            if (QuestionIdOf(sent[i].View, set) == open)
            {
                return sent[i].ActivityId is { Length: > 0 } id ? new OpenCard(id, open, record.Revision) : null;
            }
        }
        var pressedShowsOpen = QuestionIdOf(outcome.PressedCard, set) == open;
        if (record.OpenCard is { } tracked && tracked.QuestionId == open)
        {
            var rerendered = QuestionIdOf(outcome.OpenCardView, set) == open
                || (pressedShowsOpen && (pressedActivityId is null || pressedActivityId == tracked.ActivityId));
            return rerendered ? tracked with { Revision = record.Revision } : tracked;
        }
        if (pressedShowsOpen)
        {
            return pressedActivityId is { Length: > 0 } pressed ? new OpenCard(pressed, open, record.Revision) : null;
        }
        return null;
    }
}
