using SocialProtection.Bot.Workshop.Core.QuestionSummaries;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>One commitment in the report: what, which organisation, who (as the workshop shows people), by when.</summary>
internal sealed record ReportCommitment(string GroupId, string? GroupName, string Action, string Organisation, Respondent Owner, DateOnly DueDate);
