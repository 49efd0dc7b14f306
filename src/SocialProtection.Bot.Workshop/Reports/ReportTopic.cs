using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Workshops;

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
