using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>A long-text question: every answer, in respondent order, and the themes they share.</summary>
public sealed record TextQuestionSummary : QuestionSummary
{
    public required IReadOnlyList<TextAnswer> Answers { get; init; }

    public required IReadOnlyList<ThemeSummary> Themes { get; init; }
}
