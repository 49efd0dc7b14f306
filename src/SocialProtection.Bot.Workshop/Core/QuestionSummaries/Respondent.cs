namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>
/// Who gave an answer, as a summary shows it: a number that is the same person in every question of the summary
/// and, in named workshops only, the display name. The number comes from a keyed hash, so it says nothing about
/// name, id or the order people joined.
/// </summary>
internal sealed record Respondent(int Number, string? Name);
