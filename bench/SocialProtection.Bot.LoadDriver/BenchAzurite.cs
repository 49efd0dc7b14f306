using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.LoadDriver;

/// <summary>Azurite's blob service in memory on loopback, with its process id for CPU figures.</summary>
public sealed class BenchAzurite : IAsyncDisposable
{
    private readonly Process _process;

    private BenchAzurite(Process process, int port)
    {
        _process = process;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{port}/{AzuriteServer.AccountName};";
    }

    public string ConnectionString { get; }

    public int ProcessId => _process.Id;

    public static async Task<BenchAzurite> StartAsync()
    {
        var port = FreePort.Next();
        string[] arguments =
        [
            "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--inMemoryPersistence",
            "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--blobKeepAliveTimeout", "300",
        ];
        // BENCH_AZURITE_DEBUG=<file>: Azurite logs every request there (slow; for finding out what a bot asks of storage).
        var debugLog = Environment.GetEnvironmentVariable("BENCH_AZURITE_DEBUG");
        var process = NodeTools.Start(
            NodeTools.RequireFile("azurite/dist/src/blob/main.js"),
            string.IsNullOrEmpty(debugLog) ? [.. arguments, "--silent"] : [.. arguments, "--debug", debugLog],
            RepoPaths.Tools);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return new BenchAzurite(process, port);
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
