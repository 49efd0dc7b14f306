using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// Runs a browser scenario (tools/browser/scenarios/&lt;name&gt;.mjs) against an Agents Playground's web UI:
/// headless Debian Chromium through playwright-core, loopback only. One node process and one fresh browser
/// per scenario; a page load costs 10–15 s on 2 cores, so keep browser tests few.
/// </summary>
/// <remarks>
/// Scenarios: <c>personal-chat-card</c> — params <c>message</c>, <c>expectText</c> (text of the bot's card or reply),
/// optional <c>buttonTitle</c>, <c>inputs</c> ({placeholder or label: value}) and <c>expectAfterClick</c>; result
/// <c>{replyIsCard, replyText, afterClickText?, blockedOrigins}</c>; screenshots "reply" and "final".
/// Use with <see cref="BrowserFactAttribute"/>. The page installs the bot into the personal chat on every load,
/// so the bot sees installationUpdate and conversationUpdate first.
/// </remarks>
public static class BrowserSession
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(150);
    private static int _runCounter;

    /// <summary>Runs <paramref name="scenario"/> and returns its result; throws with the step log and screenshots when it fails.</summary>
    /// <exception cref="InvalidOperationException">Chromium or the node tools are missing, or the scenario failed.</exception>
    public static async Task<BrowserScenarioResult> RunScenarioAsync(
        string scenario, Uri playgroundUrl, JsonObject parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario);
        ArgumentNullException.ThrowIfNull(playgroundUrl);
        ArgumentNullException.ThrowIfNull(parameters);
        var chromium = Chromium.FindExecutable() ?? throw new InvalidOperationException(
            "Chromium is not installed: browser tests cannot run (apt-get install chromium; scripts/test.sh does it as root).");
        NodeTools.RequireFile("playwright-core/package.json");

        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"{scenario}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Interlocked.Increment(ref _runCounter)}");
        var logPath = Path.Combine(TestArtifacts.Folder("browser"), name + ".log");
        var input = new JsonObject
        {
            ["playgroundUrl"] = playgroundUrl.AbsoluteUri,
            ["screenshotDirectory"] = TestArtifacts.Folder("screenshots"),
            ["name"] = name,
            ["timeoutMs"] = (ScenarioTimeout - TimeSpan.FromSeconds(20)).TotalMilliseconds,
            ["params"] = parameters.DeepClone(),
        };

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
        start.ArgumentList.Add(Path.Combine(RepoPaths.Tools, "browser", "run-scenario.mjs"));
        start.ArgumentList.Add(scenario);
        start.Environment["CHROMIUM_PATH"] = chromium;
        start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        start.Environment["no_proxy"] = "127.0.0.1,localhost";

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ScenarioTimeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not start the browser driver.");
        string stdout;
        string stderr;
        try
        {
            var stdoutTask = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderrTask = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(input.ToJsonString().AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            stdout = await stdoutTask;
            stderr = await stderrTask;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Browser scenario {scenario} did not finish within {ScenarioTimeout.TotalSeconds:0} s.");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await File.WriteAllTextAsync(logPath, stderr, CancellationToken.None);
        var report = ParseReport(stdout, scenario, stderr);
        var screenshots = report.TryGetProperty("screenshots", out var shots)
            ? shots.EnumerateArray().Select(s => s.GetString()!).ToArray()
            : [];
        if (!report.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
        {
            var error = report.GetStringOrNull("error") ?? "(no error reported)";
            throw new InvalidOperationException(
                $"Browser scenario {scenario} failed: {error}\nSteps:\n{stderr}\nScreenshots: {string.Join(", ", screenshots)}\nLog: {logPath}");
        }

        return new BrowserScenarioResult(scenario, report.GetProperty("result").Clone(), screenshots, logPath);
    }

    private static JsonElement ParseReport(string stdout, string scenario, string stderr)
    {
        var lastLine = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (lastLine is null)
        {
            throw new InvalidOperationException($"Browser scenario {scenario} reported nothing. Its output:\n{stderr}");
        }

        try
        {
            using var document = JsonDocument.Parse(lastLine);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"Browser scenario {scenario} reported no JSON: {lastLine}\n{stderr}");
        }
    }
}
