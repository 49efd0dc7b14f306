using SocialProtection.Bot.Workshop.Core.QuestionSummaries;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// An idea the document reports: its label, how many people raised it, and a few of their answers to quote (each
/// with the group it came from).
/// </summary>
internal sealed record ReportIdea(string Label, int PeopleCount, IReadOnlyList<ReportQuote> Quotes);

/// <summary>An answer quoted for an idea, with its group's id and name.</summary>
internal sealed record ReportQuote(TextAnswer Answer, string GroupId, string? GroupName);
