using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Faults;

/// <summary>What the proxy did to one storage call.</summary>
public enum StorageFault
{
    None,
    /// <summary>Answered 503 without forwarding: the storage never saw the call.</summary>
    Unavailable,
    /// <summary>Forwarded, then answered 503: the storage applied the call but its answer was lost.</summary>
    AnswerLost,
    /// <summary>Never answered (until the caller gives up): the storage never saw the call.</summary>
    Hang,
}

/// <summary>
/// A loopback HTTP proxy in front of a storage endpoint (Azurite) that delays every call and, on a share of
/// calls, answers 503, loses the real answer after the call was applied, or hangs. The choice is drawn from a
/// seeded generator, so a run's mix of faults is reproducible up to the order in which calls arrive.
/// </summary>
public sealed class FaultyStorageProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _target;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly int[] _counts = new int[Enum.GetValues<StorageFault>().Length];

    private FaultyStorageProxy(WebApplication app, Uri target, int seed, int port)
    {
        _app = app;
        _target = target;
        _random = new Random(seed);
        _upstream = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Port = port;
    }

    public int Port { get; }

    /// <summary>The share of calls (0–1) that get a fault; the faults are split evenly between the three kinds.</summary>
    public double FaultRate { get; set; }

    /// <summary>Latency added to every call, drawn uniformly between zero and this.</summary>
    public TimeSpan MaxLatency { get; set; }

    public int Count(StorageFault fault) => Volatile.Read(ref _counts[(int)fault]);

    public int Faults => Count(StorageFault.Unavailable) + Count(StorageFault.AnswerLost) + Count(StorageFault.Hang);

    /// <summary>A connection string like <paramref name="azurite"/>'s, going through this proxy.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{Port}/{AzuriteServer.AccountName};";

    public static async Task<FaultyStorageProxy> StartAsync(Uri target, int seed)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new FaultyStorageProxy(app, target, seed, port);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
        _stopping.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var (fault, latency) = Draw();
        Interlocked.Increment(ref _counts[(int)fault]);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var cancellationToken = linked.Token;
        try
        {
            await Task.Delay(latency, cancellationToken);
            switch (fault)
            {
                case StorageFault.Hang:
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    return;
                case StorageFault.Unavailable:
                    await ServerBusyAsync(context);
                    return;
            }

            using var request = await CopyRequestAsync(context.Request, cancellationToken);
            using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (fault == StorageFault.AnswerLost)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                await ServerBusyAsync(context);
                return;
            }
            await CopyResponseAsync(response, context.Response, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up (its network timeout) or the proxy is stopping.
        }
        catch (HttpRequestException)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
        }
    }

    private (StorageFault Fault, TimeSpan Latency) Draw()
    {
        lock (_gate)
        {
            var latency = TimeSpan.FromMilliseconds(_random.NextDouble() * MaxLatency.TotalMilliseconds);
            var roll = _random.NextDouble();
            var fault = roll >= FaultRate ? StorageFault.None
                : roll < FaultRate / 3 ? StorageFault.Unavailable
                : roll < FaultRate * 2 / 3 ? StorageFault.AnswerLost
                : StorageFault.Hang;
            return (fault, latency);
        }
    }

    private static async Task ServerBusyAsync(HttpContext context)
    {
        // Blob Storage's own shape for an overloaded server, so the client's retry policy treats it as transient.
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers["x-ms-error-code"] = "ServerBusy";
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>Injected by the fault proxy.</Message></Error>");
    }

    private async Task<HttpRequestMessage> CopyRequestAsync(HttpRequest incoming, CancellationToken cancellationToken)
    {
        var uri = new Uri(_target, incoming.Path.Value + incoming.QueryString.Value);
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), uri);
        var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > 0 || incoming.ContentLength is not null)
        {
            body.Position = 0;
            request.Content = new StreamContent(body);
        }
        foreach (var (name, values) in incoming.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }
        return request;
    }

    private static async Task CopyResponseAsync(HttpResponseMessage response, HttpResponse outgoing, CancellationToken cancellationToken)
    {
        outgoing.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            outgoing.Headers[name] = values.ToArray();
        }
        await response.Content.CopyToAsync(outgoing.Body, cancellationToken);
    }
}
