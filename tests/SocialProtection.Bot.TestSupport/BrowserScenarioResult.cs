using System.Text.Json;

namespace SocialProtection.Bot.TestSupport;

/// <summary>What a browser scenario reported, and the evidence it left under .artifacts/.</summary>
/// <param name="Result">The scenario's own result object (see each scenario in tools/browser/scenarios/).</param>
/// <param name="Screenshots">Screenshots in the order taken, under .artifacts/screenshots/.</param>
/// <param name="LogPath">The scenario's step log (timings) under .artifacts/browser/.</param>
public sealed record BrowserScenarioResult(string Scenario, JsonElement Result, IReadOnlyList<string> Screenshots, string LogPath)
{
    /// <summary>The last screenshot: the state the scenario ended in.</summary>
    public string ScreenshotPath => Screenshots.Count > 0
        ? Screenshots[^1]
        : throw new InvalidOperationException($"Scenario {Scenario} took no screenshot.");
}
