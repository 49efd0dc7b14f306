using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>What one group said to one question of a report topic: its themes and every answer.</summary>
public sealed record GroupAnswers(string GroupId, string? GroupName, IReadOnlyList<ThemeSummary> Themes, IReadOnlyList<TextAnswer> Answers);
