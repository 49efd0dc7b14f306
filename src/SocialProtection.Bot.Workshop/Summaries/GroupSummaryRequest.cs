using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>What <see cref="GroupSummaryBuilder"/> summarises: one group's participants (or every group's).</summary>
internal sealed record GroupSummaryRequest
{
    public required string WorkshopId { get; init; }

    /// <summary>As the facilitator typed it.</summary>
    public required string WorkshopTitle { get; init; }

    /// <summary>The day of the workshop (Asia/Bangkok).</summary>
    public required DateOnly WorkshopDate { get; init; }

    /// <summary>The group summarised; null for all groups together.</summary>
    public string? GroupId { get; init; }

    public string? GroupName { get; init; }

    public required AnswerVisibility Visibility { get; init; }

    public required AnonymityKey AnonymityKey { get; init; }

    public required QuestionSet QuestionSet { get; init; }

    public required IReadOnlyList<SummaryParticipant> Participants { get; init; }

    public SummaryQuestionRoles Roles { get; init; } = SummaryQuestionRoles.Default;
}
