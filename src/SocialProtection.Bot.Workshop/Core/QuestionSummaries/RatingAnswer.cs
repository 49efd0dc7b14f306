namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

internal sealed record RatingAnswer(Respondent Respondent, int Value);
