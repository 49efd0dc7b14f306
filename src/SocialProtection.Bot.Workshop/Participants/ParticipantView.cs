using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// What the participant should see, described rather than built: the cards are rendered from the record as it is
/// after the turn, so they carry the revision that was saved.
/// </summary>
internal abstract record ParticipantView
{
    /// <summary>A note, confirmation or validation error shown at the top of the card, or as the message itself.</summary>
    public Notice? Notice { get; init; }

    /// <summary>An open question; <see cref="Prefill"/> is what goes back into the field (typed text after an error, a draft, the current answer).</summary>
    public sealed record QuestionCard(int Index, string? Prefill) : ParticipantView;

    /// <summary>A read-only view of a question and its answer (or that it is unanswered or skipped), with an Edit button.</summary>
    public sealed record AnsweredCard(string QuestionId) : ParticipantView;

    /// <summary>
    /// The commitments question: the list so far with edit buttons, and one card's fields for the next commitment
    /// (what, who, by when; prefilled with <see cref="Form"/>), saved with "add another" or "finish".
    /// </summary>
    public sealed record CommitmentListCard(int Index) : ParticipantView
    {
        public CommitmentForm Form { get; init; } = CommitmentForm.Empty;
    }

    /// <summary>
    /// Adding (from typed text) or editing one commitment, all three fields on one card; <see cref="Frame"/> is the
    /// commitment sub-dialog's frame (its values and, for typed input, the field the next message fills).
    /// </summary>
    public sealed record CommitmentStepCard(DialogFrame Frame, string? Prefill) : ParticipantView
    {
        /// <summary>What the fields hold after a refused save (null: the frame's values and drafts).</summary>
        public CommitmentForm? Form { get; init; }
    }

    /// <summary>Every answer, with Edit buttons and the final Submit; split into several cards when long.</summary>
    public sealed record ReviewCards : ParticipantView;

    public sealed record PausedCard : ParticipantView;

    public sealed record SubmittedCard : ParticipantView;

    public sealed record WelcomeCard : ParticipantView;

    /// <summary>The question set's title and introduction, sent before the first question.</summary>
    public sealed record IntroMessage : ParticipantView;

    /// <summary>A plain chat message: the <see cref="ParticipantView.Notice"/> alone.</summary>
    public sealed record TextMessage : ParticipantView;

    public static ParticipantView Text(Notice notice) => new TextMessage { Notice = notice };
}
