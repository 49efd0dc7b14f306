using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>
/// A dot vote on a group's leverage points: the candidates (frozen when the summary is posted), how many dots each
/// participant has, and who may vote. Stored once per group; votes are stored apart, one object per voter.
/// </summary>
internal sealed record DotVoteBallot
{
    public const int DefaultDotsPerVoter = 3; // FacilitationOptions.DotsPerVoter defaults to the same

    public required string WorkshopId { get; init; }

    public required string WorkshopTitle { get; init; }

    /// <summary>Null when the vote is over every group's leverage points.</summary>
    public string? GroupId { get; init; }

    public string? GroupName { get; init; }

    /// <summary>The leverage-point question, shown as the card's prompt.</summary>
    public required LocalizedText Question { get; init; }

    public required IReadOnlyList<DotVoteCandidate> Candidates { get; init; }

    public required int DotsPerVoter { get; init; }

    /// <summary>The participant ids (Entra object ids) allowed to vote.</summary>
    public required IReadOnlyList<string> EligibleVoters { get; init; }

    public DotVoteCandidate? Find(string candidateId) => Candidates.FirstOrDefault(c => c.Id == candidateId);

    public bool IsEligible(string voterId) => EligibleVoters.Contains(voterId, StringComparer.Ordinal);

    /// <summary>
    /// The ballot for a summary's vote candidates. Throws when the summary has no leverage-point question.
    /// </summary>
    public static DotVoteBallot For(GroupSummary summary, IEnumerable<string> eligibleVoters, int dotsPerVoter = DefaultDotsPerVoter)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(eligibleVoters);
        ArgumentOutOfRangeException.ThrowIfLessThan(dotsPerVoter, 1);
        var question = summary.Questions.FirstOrDefault(q => q.QuestionId == summary.LeverageQuestionId)
            ?? throw new ArgumentException("The summary has no leverage-point question to vote on.", nameof(summary));
        return new DotVoteBallot
        {
            WorkshopId = summary.WorkshopId,
            WorkshopTitle = summary.WorkshopTitle,
            GroupId = summary.GroupId,
            GroupName = summary.GroupName,
            Question = question.Text,
            Candidates = summary.VoteCandidates,
            DotsPerVoter = dotsPerVoter,
            EligibleVoters = eligibleVoters.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }
}
