using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Connector;

namespace SocialProtection.Bot.Protocol.Hosting;

/// <summary>
/// Before the bot takes requests, gets its Bot Connector token (when it has credentials) and sends one request through
/// the connector's HTTP pipeline — the resilience handlers and the socket handler — to a one-shot listener on loopback.
/// Measured (issue 16): on a fresh process the first reply of the first turn took 240–260 ms, 45 ms of it building the
/// pipeline and the rest its first request, against 2–5 ms once warm; every turn of a burst right after a start
/// (deployment, restart, an instance added by scale-out) waited behind that. Bounded in time; a failure is logged and
/// the bot starts anyway.
/// </summary>
internal sealed partial class ConnectorWarmUp(
    IHttpClientFactory httpClients, IConnectorTokenProvider tokens, ILogger<ConnectorWarmUp> logger) : IHostedService
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Bound);
        var clock = Stopwatch.StartNew();
        try
        {
            var token = tokens.GetTokenAsync(bounded.Token).AsTask();
            await SendThroughPipelineAsync(bounded.Token);
            await token;
            LogWarmedUp(logger, clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only the first replies' speed depends on it; a token that cannot be had shows on the first send.
            LogWarmUpFailed(logger, e.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SendThroughPipelineAsync(CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var answering = AnswerOnceAsync(listener, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{port}/v3/conversations/warm-up/activities"))
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            using var response = await httpClients.CreateClient(ConnectorClient.HttpClientName).SendAsync(request, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        finally
        {
            // A failed send leaves the listener waiting: stop it and observe the end, so no task faults unobserved.
            listener.Stop();
            await answering.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task AnswerOnceAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        using var client = await listener.AcceptTcpClientAsync(cancellationToken);
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var received = new StringBuilder();
        // Headers, then the two-byte body.
        while (!received.ToString().Contains("\r\n\r\n{}", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        await stream.WriteAsync(Answer, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector client warmed up in {Milliseconds} ms")]
    private static partial void LogWarmedUp(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the Bot Connector client failed ({Reason}); the first replies will be slower")]
    private static partial void LogWarmUpFailed(ILogger logger, string reason);
}
