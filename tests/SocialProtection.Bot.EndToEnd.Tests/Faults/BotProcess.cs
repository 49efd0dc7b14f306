using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace SocialProtection.Bot.EndToEnd.Tests.Faults;

/// <summary>
/// The bot's host as a real separate process (<c>dotnet SocialProtection.Bot.Host.dll --urls …</c>), started from
/// the copy built beside the tests, configured by environment variables, so a test can SIGKILL it.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(45);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _head = new();

    private BotProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>A crash's own message line (its long stack would push it out) and the last lines the process wrote, for a failure message.</summary>
    public string OutputTail => string.Join(Environment.NewLine, _head.Concat(_output));

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Starts the host on <paramref name="port"/> with <paramref name="environment"/> and waits until /healthz answers 200.</summary>
    public static async Task<BotProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SocialProtection.Bot.Host.dll");
        Assert.True(File.Exists(dll), $"the host is built beside the tests: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the host.");
        var bot = new BotProcess(process, port);
        process.OutputDataReceived += (_, e) => bot.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitUntilReadyAsync();
        return bot;
    }

    /// <summary>
    /// Starts the host expecting it to refuse to start; returns why. A host that starts after all is stopped before
    /// the test fails, so no process outlives the test.
    /// </summary>
    public static async Task<InvalidOperationException> StartExpectingRefusalAsync(int port, IReadOnlyDictionary<string, string> environment)
    {
        BotProcess? started = null;
        try
        {
            return await Assert.ThrowsAsync<InvalidOperationException>(async () => started = await StartAsync(port, environment));
        }
        finally
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, in-flight requests cut.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = CreateClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                // Let the output readers finish, so the message carries the host's last words.
                _process.WaitForExit();
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}:{Environment.NewLine}{OutputTail}");
            }
            try
            {
                using var health = await http.GetAsync("healthz");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"The host was not ready within {ReadyTimeout.TotalSeconds} s:{Environment.NewLine}{OutputTail}");
            }
            await Task.Delay(100);
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (_head.Count < 20 && line.StartsWith("Unhandled exception.", StringComparison.Ordinal))
        {
            _head.Enqueue(line);
        }
        _output.Enqueue(line);
        while (_output.Count > 100 && _output.TryDequeue(out _))
        {
            // Keep the tail only.
        }
    }
}
