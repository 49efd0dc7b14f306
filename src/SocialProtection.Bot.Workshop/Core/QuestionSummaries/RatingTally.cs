namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>How many participants gave the rating <see cref="Value"/> (1 to 5).</summary>
internal sealed record RatingTally(int Value, int Count);
