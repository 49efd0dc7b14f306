using SocialProtection.Bot.Workshop.Localization;
using SocialProtection.Bot.Workshop.Summaries;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>
/// One question feeding a part of the report (an observation, a recommendation): the themes across all groups, then
/// each group's themes and answers.
/// </summary>
public sealed record ReportTopic(
    string QuestionId,
    LocalizedText Question,
    IReadOnlyList<ThemeSummary> ThemesAcrossGroups,
    IReadOnlyList<GroupAnswers> Groups);
