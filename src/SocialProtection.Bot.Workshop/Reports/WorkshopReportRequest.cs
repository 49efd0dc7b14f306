using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>Everything <see cref="WorkshopReportBuilder"/> needs: the workshop, its groups and their dot-vote tallies.</summary>
internal sealed record WorkshopReportRequest
{
    public required string WorkshopId { get; init; }
    public required string WorkshopTitle { get; init; }
    public required DateOnly WorkshopDate { get; init; }
    public required AnswerVisibility Visibility { get; init; }
    public required AnonymityKey AnonymityKey { get; init; }
    public required QuestionSet QuestionSet { get; init; }
    public required IReadOnlyList<ReportGroup> Groups { get; init; }

    /// <summary>The dot-vote tally of each group that voted, by group id.</summary>
    public IReadOnlyDictionary<string, DotVoteTally> Votes { get; init; } = new Dictionary<string, DotVoteTally>();

    public SummaryQuestionRoles Roles { get; init; } = SummaryQuestionRoles.Default;

    /// <summary>Printed on the report; passed in so the same data gives the same report.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }
}
