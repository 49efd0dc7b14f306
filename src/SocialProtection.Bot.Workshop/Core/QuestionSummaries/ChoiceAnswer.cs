namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>The option values one participant chose, in the question set's order.</summary>
internal sealed record ChoiceAnswer(Respondent Respondent, IReadOnlyList<string> Values);
