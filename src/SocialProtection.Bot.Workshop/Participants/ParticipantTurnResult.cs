using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>How a participant turn ended.</summary>
internal abstract record ParticipantTurnResult(Language Language)
{
    /// <summary>
    /// The turn is saved (or needed no saving); its replies may now be sent. <see cref="Duplicate"/>: the activity had
    /// already been applied, and <see cref="Outcome"/> only re-shows the current state.
    /// </summary>
    public sealed record Completed(ParticipantTurnOutcome Outcome, QuestionSet Set, Language Language, bool Duplicate)
        : ParticipantTurnResult(Language);

    /// <summary>Storage could not be read or written: nothing of the turn was saved; the participant should try again.</summary>
    public sealed record Unavailable(Language Language) : ParticipantTurnResult(Language);

    /// <summary>
    /// The participant's stored record (or another object the turn needs) cannot be read: nothing was written, and
    /// trying again will not help until a facilitator or operator repairs or erases it (<see cref="Code"/> names it).
    /// </summary>
    public sealed record Damaged(Language Language, string Code) : ParticipantTurnResult(Language);

    /// <summary>The request wanted an existing record and the participant has none in that workshop: nothing was done.</summary>
    public sealed record NoRecord(Language Language) : ParticipantTurnResult(Language);
}
