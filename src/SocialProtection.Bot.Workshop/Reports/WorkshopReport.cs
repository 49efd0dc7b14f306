using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>
/// The workshop's report, in the shape of the workshop's own summary report: 1 overview, 2 observations,
/// 3 recommendations (3.1 on strategy, 3.2 on driving mechanisms), 4 leverage points with their votes,
/// 5 commitments. <see cref="Groups"/> keeps each group's full summary for the answer-by-answer export.
/// </summary>
internal sealed record WorkshopReport
{
    public required string WorkshopId { get; init; }
    public required string WorkshopTitle { get; init; }
    public required DateOnly WorkshopDate { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required AnswerVisibility Visibility { get; init; }

    public required IReadOnlyList<GroupOverview> Overview { get; init; }
    public required GroupOverview Totals { get; init; }

    /// <summary>Ideas across every long-text answer of the workshop.</summary>
    public required IReadOnlyList<IdeaSummary> Ideas { get; init; }

    public required IReadOnlyList<ReportTopic> Observations { get; init; }
    public required IReadOnlyList<ReportTopic> StrategyRecommendations { get; init; }
    public required IReadOnlyList<ReportTopic> MechanismRecommendations { get; init; }
    public required IReadOnlyList<GroupLeveragePoints> LeveragePoints { get; init; }
    public required IReadOnlyList<ReportCommitment> Commitments { get; init; }
    public required IReadOnlyList<GroupSummary> Groups { get; init; }
}
