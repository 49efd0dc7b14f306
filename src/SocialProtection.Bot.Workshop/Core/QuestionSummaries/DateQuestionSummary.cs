namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>A date question: each date given, earliest first, with who gave it.</summary>
internal sealed record DateQuestionSummary : QuestionSummary
{
    public required IReadOnlyList<DateTally> Dates { get; init; }
}
