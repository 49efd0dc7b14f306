using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>
/// Which questions of the set feed which part of the summary and the report, by question id. The defaults match
/// the shipped lesson-extraction question set; a custom set names its own.
/// </summary>
internal sealed record SummaryQuestionRoles
{
    public static SummaryQuestionRoles Default { get; } = new();

    /// <summary>The long-text question whose ideas (and answers no idea holds) become dot-vote candidates.</summary>
    public string? LeveragePoints { get; init; } = "leveragePoints";

    /// <summary>Questions whose answers make the report's observations (good practices, obstacles, leverage points).</summary>
    public IReadOnlyList<string> Observations { get; init; } = ["goodPractices", "obstacles", "leveragePoints"];

    /// <summary>Questions whose answers make the recommendations on strategy.</summary>
    public IReadOnlyList<string> Strategy { get; init; } = ["strategyRecommendations", "domesticFinancing"];

    /// <summary>Questions whose answers make the recommendations on driving mechanisms.</summary>
    public IReadOnlyList<string> Mechanisms { get; init; } = ["mechanismRecommendations"];
}
