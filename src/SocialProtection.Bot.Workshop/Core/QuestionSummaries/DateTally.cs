namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>One date that participants gave, with who gave it (in respondent order).</summary>
internal sealed record DateTally(DateOnly Date, IReadOnlyList<Respondent> Respondents);
