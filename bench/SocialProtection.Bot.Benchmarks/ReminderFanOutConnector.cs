using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialProtection.Bot.Benchmarks;

/// <summary>
/// A Bot Connector on loopback that enforces Teams' documented bot limits as Teams would: a message that would make a
/// conversation exceed 7/1 s, 8/2 s, 60/30 s or 1800/h, or the tenant exceed 50/s, is refused with 429 and
/// Retry-After: 1. Accepted messages are counted with their arrival times.
/// </summary>
internal sealed class ReminderFanOutConnector : IAsyncDisposable
{
    private static readonly (int Limit, TimeSpan Period)[] ConversationWindows =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];

    private const int TenantPerSecond = 50;

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _perConversation = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _lastSecond = new();
    private readonly List<DateTimeOffset> _accepted = [];
    private int _throttled;

    private ReminderFanOutConnector(WebApplication app, Uri serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    public int Throttled => Volatile.Read(ref _throttled);

    public IReadOnlyList<DateTimeOffset> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    public static async Task<ReminderFanOutConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ReminderFanOutConnector? connector = null;
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) => connector!.AcceptAsync(conversationId, request));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector = new ReminderFanOutConnector(app, new Uri(address.TrimEnd('/') + "/"));
        return connector;
    }

    private async Task<IResult> AcceptAsync(string conversationId, HttpRequest request)
    {
        await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            while (_lastSecond.Count > 0 && now - _lastSecond.Peek() >= TimeSpan.FromSeconds(1))
            {
                _lastSecond.Dequeue();
            }

            var sends = _perConversation.TryGetValue(conversationId, out var list) ? list : _perConversation[conversationId] = [];
            var over = _lastSecond.Count >= TenantPerSecond
                || ConversationWindows.Any(w => sends.Count(t => now - t < w.Period) >= w.Limit);
            if (over)
            {
                _throttled++;
                request.HttpContext.Response.Headers.RetryAfter = "1";
                return Results.Json(new { error = new { code = "Throttled" } }, statusCode: StatusCodes.Status429TooManyRequests);
            }

            _lastSecond.Enqueue(now);
            sends.Add(now);
            _accepted.Add(now);
        }

        return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: StatusCodes.Status201Created);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
