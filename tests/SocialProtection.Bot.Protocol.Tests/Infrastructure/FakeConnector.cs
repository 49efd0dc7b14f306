using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SocialProtection.Bot.Protocol.Tests.Infrastructure;

/// <summary>
/// A Bot Connector stand-in on loopback: records every request and answers from a script (then 201 {"id":…}).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private LocalServer? _server;
    private int _nextId;

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        connector._server = await LocalServer.StartAsync(null, app => app.Run(connector.HandleAsync));
        return connector;
    }

    /// <summary>The service URL as Teams gives it: with a path and a trailing slash.</summary>
    public string ServiceUrl => new Uri(_server!.BaseAddress, "teams/").ToString();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void Then(int status, string? body = null, Action<HttpResponse>? headers = null) =>
        _script.Enqueue(async context =>
        {
            context.Response.StatusCode = status;
            headers?.Invoke(context.Response);
            if (body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body);
            }
        });

    public void Then(Func<HttpContext, Task> respond) => _script.Enqueue(respond);

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = _clock.Elapsed;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        _requests.Enqueue(new RecordedRequest(context.Request.Method, rawTarget, context.Request.Headers.Authorization.FirstOrDefault(), body, arrived));
        if (_script.TryDequeue(out var respond))
        {
            await respond(context);
            return;
        }
        context.Response.StatusCode = HttpMethods.IsGet(context.Request.Method) ? 200 : 201;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"activity-{{Interlocked.Increment(ref _nextId)}}"}""");
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
