using System.Diagnostics;
using System.Globalization;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.LoadDriver;

/// <summary>A bot in its own process on loopback: ours (the built host) or the reference SDK bot (node).</summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private BotUnderTest(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// Our host, storing in <paramref name="container"/>: the build copied beside the driver, or the one in the folder
    /// <c>BENCH_OURS_DIR</c> names (e.g. <c>dotnet publish</c>'s output, ReadyToRun as deployed).
    /// </summary>
    public static Task<BotUnderTest> StartOursAsync(string connectionString, string container)
    {
        var port = FreePort.Next();
        var folder = Environment.GetEnvironmentVariable("BENCH_OURS_DIR") is { Length: > 0 } chosen ? Path.GetFullPath(chosen) : AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, "SocialProtection.Bot.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Production settings on purpose, in local mode on loopback: the host refuses that unless told it is meant.
        start.Environment["Bot__AllowUnauthenticated"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Storage__ConnectionString"] = connectionString;
        start.Environment["Storage__ContainerName"] = container;
        // Experiments with runtime settings for the bot alone: BENCH_BOT_DOTNET_gcServer=0 sets DOTNET_gcServer=0 for it.
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith("BENCH_BOT_", StringComparison.Ordinal)))
        {
            start.Environment[name["BENCH_BOT_".Length..]] = value;
        }
        return StartAsync("ours (.NET)", start, port);
    }

    /// <summary>The reference bot in bench/reference-bot (botbuilder 4.23 on node), storing in <paramref name="container"/>.</summary>
    public static Task<BotUnderTest> StartReferenceAsync(string connectionString, string container)
    {
        var port = FreePort.Next();
        var folder = Path.Combine(RepoPaths.Root, "bench", "reference-bot");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "botbuilder")))
        {
            throw new InvalidOperationException($"The reference bot is not installed: run `npm ci --ignore-scripts` in {folder}.");
        }
        var start = new ProcessStartInfo(NodeTools.Node) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("index.js");
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["STORAGE_CONNECTION_STRING"] = connectionString;
        start.Environment["STORAGE_CONTAINER"] = container;
        return StartAsync("reference (botbuilder-js)", start, port);
    }

    /// <summary>The most resident memory the process has held (VmHWM), in MB.</summary>
    public double PeakMemoryMegabytes() => ProcFs.PeakResidentMegabytes(_process.Id);

    public TimeSpan CpuTime() => ProcFs.CpuTime(_process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static async Task<BotUnderTest> StartAsync(string name, ProcessStartInfo start, int port)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"[{name}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotUnderTest(name, process, port);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} before it was ready.");
            }
            try
            {
                using var health = await http.GetAsync("healthz");
                if (health.IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{name} was not ready within 60 s.");
            }
            await Task.Delay(200);
        }
    }
}
