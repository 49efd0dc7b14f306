using SocialProtection.Bot.Workshop.Core.QuestionSummaries;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>
/// What one group said to one question of a report topic: its ideas, every answer, and how many answers said nothing
/// substantive.
/// </summary>
internal sealed record GroupAnswers(
    string GroupId, string? GroupName, IReadOnlyList<IdeaSummary> Ideas, IReadOnlyList<TextAnswer> Answers, int NoSubstantiveAnswerCount);
