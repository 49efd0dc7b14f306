using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Xunit;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// A real Azurite blob service on 127.0.0.1 and a free port, with its data in a fresh temporary folder.
/// Use it as a fixture (IAsyncLifetime) or <c>await using</c>. <see cref="StopAsync"/> and <see cref="StartAsync"/>
/// stop and start the same server again on the same port and data folder: a faithful "storage is down" test.
/// </summary>
public sealed class AzuriteServer : IAsyncLifetime, IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key, published in its README: not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string BlobServiceScript = "azurite/dist/src/blob/main.js";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private bool _disposed;

    public AzuriteServer()
    {
        Port = FreePort.Next();
        Location = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
    }

    public int Port { get; }

    /// <summary>Azurite's data folder; it outlives a stop so a restart finds every blob again.</summary>
    public string Location { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    /// <summary>The explicit development-account form (UseDevelopmentStorage=true only knows port 10000).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    public bool IsRunning => _process is { HasExited: false };

    public Task InitializeAsync() => StartAsync();

    /// <summary>Starts Azurite (again) and returns once it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (IsRunning)
            {
                return;
            }

            var script = NodeTools.RequireFile(BlobServiceScript);
            Directory.CreateDirectory(Location);
            _output.Clear();
            var process = NodeTools.Start(script, [
                "--blobHost", "127.0.0.1",
                "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--location", Location,
                "--skipApiVersionCheck",
                "--loose",
                "--silent",
                "--disableTelemetry",
                "--blobKeepAliveTimeout", "300",
            ], RepoPaths.Tools);
            process.OutputDataReceived += (_, e) => Remember(e.Data);
            process.ErrorDataReceived += (_, e) => Remember(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
            await WaitUntilListeningAsync(process, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops Azurite gracefully (it saves its metadata), killing it if it lingers. The data folder stays.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_process is { } process)
            {
                _process = null;
                await ProcessSignals.InterruptThenKillAsync(process, StopGrace);
                process.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await StopAsync();
        _disposed = true;
        try
        {
            Directory.Delete(Location, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task WaitUntilListeningAsync(Process process, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited with code {process.ExitCode} before listening on port {Port}:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
                return;
            }
            catch (SocketException) when (Stopwatch.GetElapsedTime(started) < ReadyTimeout)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (SocketException e)
            {
                await ProcessSignals.InterruptThenKillAsync(process, StopGrace);
                throw new InvalidOperationException($"Azurite did not listen on port {Port} within {ReadyTimeout.TotalSeconds} s.", e);
            }
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 50 && _output.TryDequeue(out _))
        {
            // Keep the tail: enough to explain a failed start.
        }
    }
}
