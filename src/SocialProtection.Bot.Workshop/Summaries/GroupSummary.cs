using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>
/// What one group (or the whole workshop) said, question by question: counts, every answer, distributions, ideas,
/// commitments and the leverage points to vote on. Built by <see cref="GroupSummaryBuilder"/>: the same answers give
/// the same summary, to the byte (<see cref="SummaryJson"/>). In anonymous workshops it holds no name or id.
/// </summary>
internal sealed record GroupSummary
{
    /// <summary>2: ideas (with their answers and the count of answers that said nothing) replaced version 1's themes.</summary>
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string WorkshopId { get; init; }

    public required string WorkshopTitle { get; init; }

    public required DateOnly WorkshopDate { get; init; }

    /// <summary>Null when the summary covers every group.</summary>
    public string? GroupId { get; init; }

    public string? GroupName { get; init; }

    public required AnswerVisibility Visibility { get; init; }

    public required string QuestionSetId { get; init; }

    public required int QuestionSetVersion { get; init; }

    /// <summary>Everyone in the group, whether they have answered or not.</summary>
    public required int ParticipantCount { get; init; }

    /// <summary>Participants who answered at least one question.</summary>
    public required int RespondentCount { get; init; }

    /// <summary>Participants who submitted their answers.</summary>
    public required int SubmittedCount { get; init; }

    /// <summary>All answers to all questions.</summary>
    public required int AnswerCount { get; init; }

    /// <summary>When the newest answer summarised was given (the summary is "as of" then); null with no answers.</summary>
    public DateTimeOffset? LatestAnswerAt { get; init; }

    public required IReadOnlyList<QuestionSummary> Questions { get; init; }

    /// <summary>Ideas across all long-text answers of the group (empty in summaries stored before ideas).</summary>
    public IReadOnlyList<IdeaSummary> Ideas { get; init; } = [];

    /// <summary>Long-text answers, over all questions, that said nothing substantive.</summary>
    public int NoSubstantiveAnswerCount { get; init; }

    /// <summary>The leverage-point question (null when the set has none), whose ideas and answers are the vote candidates.</summary>
    public string? LeverageQuestionId { get; init; }

    public required IReadOnlyList<DotVoteCandidate> VoteCandidates { get; init; }

    public bool IsAllGroups => GroupId is null;
}
