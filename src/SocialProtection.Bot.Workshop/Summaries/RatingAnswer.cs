namespace SocialProtection.Bot.Workshop.Summaries;

public sealed record RatingAnswer(Respondent Respondent, int Value);
