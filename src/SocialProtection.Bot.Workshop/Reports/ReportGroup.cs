using SocialProtection.Bot.Workshop.Summaries;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>One breakout group as the report sees it: its participants.</summary>
public sealed record ReportGroup(string GroupId, string? GroupName, IReadOnlyList<SummaryParticipant> Participants);
