using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// One Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, pinned in tools/package.json):
/// the Teams client and Bot Connector our bot talks to in end-to-end tests. Loopback only, no credentials,
/// no telemetry, its own port below 32768, a generated tenant, and a log file under .artifacts/playground/.
/// </summary>
/// <remarks>
/// Start one per test class (its WebSocket broadcast is shared by every client). The bot endpoint does not
/// have to be up yet: the Playground only calls it when a test acts. Dispose stops it with SIGINT (then a kill).
/// </remarks>
public sealed partial class PlaygroundServer : IAsyncDisposable
{
    private const string CliRelativePath = "@microsoft/m365agentsplayground/cli.js";
    private const int MaxPortAttempts = 3;

    private static int _instanceCounter;

    private readonly Process _process;
    private readonly string _workingDirectory;
    private readonly StreamWriter _console;
    private int _disposed;

    private PlaygroundServer(
        Process process, string workingDirectory, StreamWriter console, int port, PlaygroundTenant tenant, string logPath)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        _console = console;
        Port = port;
        Tenant = tenant;
        LogPath = logPath;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        ServiceUrl = new Uri(BaseAddress, "_connector");
    }

    /// <summary>The port the Playground listens on (all interfaces; tests use 127.0.0.1).</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>: the web UI and the test API.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The <c>serviceUrl</c> put into every activity (no trailing slash): the bot's Connector base.</summary>
    public Uri ServiceUrl { get; }

    /// <summary>The ids and names the Playground was configured with.</summary>
    public PlaygroundTenant Tenant { get; }

    /// <summary>The Playground's own log (every payload at debug level); kept as a CI artifact.</summary>
    public string LogPath { get; }

    /// <summary>Starts a Playground for the bot at <paramref name="botEndpoint"/> (e.g. <c>http://127.0.0.1:5123/api/messages</c>) with a fresh random tenant.</summary>
    public static Task<PlaygroundServer> StartAsync(Uri botEndpoint, CancellationToken cancellationToken = default) =>
        StartAsync(new PlaygroundServerOptions(botEndpoint), cancellationToken);

    /// <summary>Starts a Playground and returns once it listens on the port it was given and answers <c>/_debug/ping</c>.</summary>
    /// <exception cref="InvalidOperationException">It exited, took another port three times, or was not ready in time; the message carries its output.</exception>
    public static async Task<PlaygroundServer> StartAsync(PlaygroundServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenant = options.Tenant ?? PlaygroundTenant.CreateRandom();
        var cliPath = NodeTools.RequireFile(CliRelativePath);
        var artifacts = TestArtifacts.Folder("playground");
        var failures = new List<string>();
        for (var attempt = 1; attempt <= MaxPortAttempts; attempt++)
        {
            var instance = Interlocked.Increment(ref _instanceCounter);
            var name = string.Create(CultureInfo.InvariantCulture, $"playground-{Environment.ProcessId}-{instance}");
            var port = FreePort.Next();
            var server = await TryStartAsync(options, tenant, cliPath, port, artifacts, name, cancellationToken);
            if (server.Server is not null)
            {
                return server.Server;
            }

            failures.Add(server.Failure!);
            if (!server.PortTaken)
            {
                break;
            }
        }

        throw new InvalidOperationException("The Agents Playground did not start:\n" + string.Join("\n---\n", failures));
    }

    /// <summary>A client for this Playground's HTTP and WebSocket API. Call <see cref="PlaygroundClient.ConnectAsync"/> before acting.</summary>
    public PlaygroundClient CreateClient() => new(BaseAddress);

    /// <summary>A client whose WebSocket streams are already connected, so no frame of what the test does next is missed.</summary>
    public async Task<PlaygroundClient> ConnectClientAsync(CancellationToken cancellationToken = default)
    {
        var client = CreateClient();
        try
        {
            await client.ConnectAsync(cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the Playground (SIGINT, then a kill after 5 s) and removes its working directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await ProcessSignals.InterruptThenKillAsync(_process, TimeSpan.FromSeconds(5));
        _process.Dispose();
        await _console.DisposeAsync();
        TryDeleteDirectory(_workingDirectory);
    }

    private static async Task<StartAttempt> TryStartAsync(
        PlaygroundServerOptions options,
        PlaygroundTenant tenant,
        string cliPath,
        int port,
        string artifacts,
        string name,
        CancellationToken cancellationToken)
    {
        // A fresh cwd: the Playground reads .m365agentsplayground.yml from it and may write ./devTools/ into it.
        var workingDirectory = Directory.CreateTempSubdirectory("playground-").FullName;
        var configPath = Path.Combine(workingDirectory, ".m365agentsplayground.yml");
        await File.WriteAllTextAsync(configPath, tenant.ToConfigFileContent(), cancellationToken);

        var logPath = Path.Combine(artifacts, name + ".log");
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var startInfo = new ProcessStartInfo(NodeTools.Node)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(RepoPaths.Tools, "exit-with-parent.cjs"), cliPath,
                     "--app-endpoint", options.BotEndpoint.AbsoluteUri,
                     "--channel-id", "msteams",
                     "--port", portText,
                     "--service-url", $"http://127.0.0.1:{portText}/_connector",
                     "--disable-telemetry",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        ConfigureEnvironment(startInfo.Environment, configPath, logPath, options, artifacts, name);

        var console = new StreamWriter(Path.Combine(artifacts, name + ".console.log"), append: false, Encoding.UTF8) { AutoFlush = true };
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnOutput(e.Data, "out", console, output, listening);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data, "err", console, output, listening);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The Playground process exited."));

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PlaygroundServer(process, workingDirectory, console, port, tenant, logPath);
        try
        {
            int listeningPort;
            try
            {
                listeningPort = await listening.Task.WaitAsync(options.StartTimeout, cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                return StartAttempt.Failed(Describe(e.Message, port, output, logPath), portTaken: false);
            }

            if (listeningPort != port)
            {
                // It silently falls back to a random port when its port is taken: never accept that.
                return StartAttempt.Failed(
                    Describe($"It listened on {listeningPort} instead of {port} (the port was taken).", port, output, logPath),
                    portTaken: true);
            }

            if (!await WaitForPingAsync(server.BaseAddress, options.StartTimeout, process, cancellationToken))
            {
                return StartAttempt.Failed(Describe("GET /_debug/ping never answered pong.", port, output, logPath), portTaken: false);
            }

            var started = server;
            server = null;
            return StartAttempt.Started(started);
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static void ConfigureEnvironment(
        IDictionary<string, string?> environment,
        string configPath,
        string logPath,
        PlaygroundServerOptions options,
        string artifacts,
        string name)
    {
        // Settings inherited from a developer's shell must not change what the tests see.
        foreach (var key in environment.Keys.Where(k =>
                     k.StartsWith("M365_AGENTS_PLAYGROUND_", StringComparison.Ordinal) ||
                     k.StartsWith("TEAMSAPPTESTER_", StringComparison.Ordinal) ||
                     k is "BOT_ENDPOINT").ToList())
        {
            environment.Remove(key);
        }

        // Without this it spawns xdg-open and dies where there is none.
        environment["TEAMSAPPTESTER_BROWSER"] = "none";
        // With --disable-telemetry, this keeps it from calling the cloud metadata address.
        environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "1";
        environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = logPath;
        environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath;
        // Its calls to the bot must never go through a CI proxy.
        environment["NO_PROXY"] = "127.0.0.1,localhost";
        environment["no_proxy"] = "127.0.0.1,localhost";
        if (options.RecordEvents)
        {
            environment["M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING"] = "true";
            environment["M365_AGENTS_PLAYGROUND_RECORDING_FILE"] = Path.Combine(artifacts, name + ".recording.txt");
        }
    }

    private static void OnOutput(
        string? line, string stream, StreamWriter console, StringBuilder output, TaskCompletionSource<int> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(stream).Append(": ").AppendLine(line);
            try
            {
                console.WriteLine($"{stream}: {line}");
            }
            catch (ObjectDisposedException)
            {
                // A last line after the server was disposed: it is in `output` for failure messages anyway.
            }
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    private static async Task<bool> WaitForPingAsync(
        Uri baseAddress, TimeSpan timeout, Process process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(baseAddress, "_debug/ping"), cancellationToken);
                if (response.IsSuccessStatusCode &&
                    (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("pong", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not accepting connections yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One slow answer while it warms up.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        return false;
    }

    private static string Describe(string problem, int port, StringBuilder output, string logPath)
    {
        string captured;
        lock (output)
        {
            captured = output.ToString();
        }

        var logTail = File.Exists(logPath) ? string.Join('\n', File.ReadLines(logPath).TakeLast(20)) : "(no log file)";
        return $"{problem} Port {port}. Output:\n{captured}\nLast lines of {logPath}:\n{logTail}";
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    [GeneratedRegex(@"^Listening on (\d+)\s*$")]
    private static partial Regex ListeningLine();

    private sealed record StartAttempt(PlaygroundServer? Server, string? Failure, bool PortTaken)
    {
        public static StartAttempt Started(PlaygroundServer server) => new(server, null, false);

        public static StartAttempt Failed(string failure, bool portTaken) => new(null, failure, portTaken);
    }
}
