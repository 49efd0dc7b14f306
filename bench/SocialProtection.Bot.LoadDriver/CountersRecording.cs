using System.Diagnostics;
using System.Globalization;

namespace SocialProtection.Bot.LoadDriver;

/// <summary>
/// With <c>BENCH_COUNTERS=&lt;folder&gt;</c>, records our bot's runtime counters and its own turn-phase histograms with
/// <c>dotnet-counters collect</c> (a global dotnet tool) for the length of a run, one CSV per run, for finding out what
/// the slowest turns waited for. Without it, nothing is recorded.
/// </summary>
public sealed class CountersRecording : IAsyncDisposable
{
    private const string Counters = "System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft-AspNetCore-Server-Kestrel,System.Net.Http,SocialProtection.Bot";

    private readonly Process? _process;

    private CountersRecording(Process? process) => _process = process;

    public static CountersRecording StartIfAsked(BotUnderTest bot, int participants, int round)
    {
        if (Environment.GetEnvironmentVariable("BENCH_COUNTERS") is not { Length: > 0 } folder || !bot.Name.StartsWith("ours", StringComparison.Ordinal))
        {
            return new CountersRecording(null);
        }
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"ours-n{participants}-r{round}.csv"));
        var start = new ProcessStartInfo("dotnet-counters") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "collect", "--process-id", bot.ProcessId.ToString(CultureInfo.InvariantCulture), "--counters", Counters,
                     "--refresh-interval", "1", "--maxHistograms", "50", "--format", "csv", "--output", output })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start);
        process?.StandardOutput.ReadToEndAsync();
        // Give the session a moment to attach before the load starts.
        Thread.Sleep(1500);
        return new CountersRecording(process);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }
        await Task.Delay(1500);
        if (!_process.HasExited)
        {
            // Ctrl+C, so it writes out what it has; killed only if it does not stop.
            using (var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }
}
