namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>One commitment made by a participant: what, which organisation, by when.</summary>
internal sealed record CommitmentEntry(Respondent Owner, string CommitmentId, string Action, string Organisation, DateOnly DueDate);
