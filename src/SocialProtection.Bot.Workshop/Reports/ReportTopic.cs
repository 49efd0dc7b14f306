using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>
/// One question feeding a part of the report (an observation, a recommendation): the ideas across all groups, then
/// each group's ideas and answers.
/// </summary>
internal sealed record ReportTopic(
    string QuestionId,
    LocalizedText Question,
    IReadOnlyList<IdeaSummary> IdeasAcrossGroups,
    IReadOnlyList<GroupAnswers> Groups);
