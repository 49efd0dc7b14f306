using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>One breakout group as the report sees it: its participants.</summary>
internal sealed record ReportGroup(string GroupId, string? GroupName, IReadOnlyList<SummaryParticipant> Participants);
