using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// Checks Adaptive Card JSON with Microsoft's own Adaptive Cards renderer (npm <c>adaptivecards</c>, pinned in
/// tools/) for a Teams host: schema 1.5, six actions at most, plus unknown properties and features Teams lacks.
/// One node process (tools/validate-cards.mjs) checks a whole batch.
/// </summary>
/// <example><code>
/// var report = await AdaptiveCardValidator.ValidateAsync([cardJson]);
/// Assert.True(report.IsClean, report.Describe());
/// </code></example>
public static class AdaptiveCardValidator
{
    private const string RendererBundle = "adaptivecards/dist/adaptivecards.js";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Validates each card's JSON text; the report lists the cards in the same order.</summary>
    /// <exception cref="InvalidOperationException">node or the renderer is missing, or the validator itself failed.</exception>
    public static async Task<CardValidationReport> ValidateAsync(
        IReadOnlyList<string> cardsJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cardsJson);
        if (cardsJson.Count == 0)
        {
            return new CardValidationReport([]);
        }

        NodeTools.RequireFile(RendererBundle);
        var start = new ProcessStartInfo(NodeTools.Node)
        {
            WorkingDirectory = RepoPaths.Tools,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Tools, "validate-cards.mjs"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not start the card validator.");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(cardsJson).AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The card validator failed (exit {process.ExitCode}): {await stderr}");
            }

            return Parse(output, cardsJson.Count);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The card validator did not finish within {Timeout.TotalSeconds:0} s.");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static CardValidationReport Parse(string output, int expectedCount)
    {
        using var document = JsonDocument.Parse(output);
        var cards = document.RootElement.EnumerateArray().Select(card => new CardValidationResult(
            card.GetProperty("index").GetInt32(),
            card.GetProperty("issues").EnumerateArray().Select(issue => new CardValidationIssue(
                issue.GetProperty("severity").GetString() == "error" ? CardIssueSeverity.Error : CardIssueSeverity.Warning,
                issue.GetProperty("event").GetString() ?? "",
                issue.GetProperty("phase").GetString() ?? "",
                issue.GetProperty("message").GetString() ?? "",
                issue.GetStringOrNull("source"))).ToArray())).ToArray();
        if (cards.Length != expectedCount)
        {
            throw new InvalidOperationException($"The card validator returned {cards.Length} results for {expectedCount} cards.");
        }

        return new CardValidationReport(cards);
    }
}
