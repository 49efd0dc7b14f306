using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Participants.Dialogs;

/// <summary>Input for the lesson dialogs, already stripped of how it arrived (card or chat).</summary>
internal abstract record LessonInput
{
    /// <summary>A value for the open question or field; null from a card's "next" on the commitment list.</summary>
    public sealed record Answer(string? Value) : LessonInput;

    public sealed record Back : LessonInput;
    public sealed record Skip : LessonInput;
    public sealed record AddCommitment : LessonInput;
    public sealed record EditCommitment(int Index) : LessonInput;
    public sealed record RemoveCommitment(int Index) : LessonInput;

    /// <summary>
    /// The one commitment card's fields: save them as a commitment, then show an empty card for another
    /// (<paramref name="Finish"/> false) or move on (true; with all fields empty it only moves on).
    /// </summary>
    public sealed record Commitment(CommitmentForm Form, bool Finish) : LessonInput;

    /// <summary>Leave the commitment being added or edited without saving it.</summary>
    public sealed record Cancel : LessonInput;
}
