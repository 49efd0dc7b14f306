using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// A Bot Connector on 127.0.0.1 speaking the REST API the bot calls (POST /v3/conversations/{id}/activities),
/// that answers 429 with Retry-After to every <see cref="ThrottleEvery"/>-th call and records when each message
/// was accepted, per conversation.
/// </summary>
internal sealed class ThrottlingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<(string ConversationId, TimeSpan At)> _accepted = new();
    private readonly ConcurrentQueue<TimeSpan> _throttled = new();
    private int _calls;

    private ThrottlingConnector(WebApplication app, Uri serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    /// <summary>Every n-th call is refused with 429; 0 for never.</summary>
    public int ThrottleEvery { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    public IReadOnlyList<(string ConversationId, TimeSpan At)> Accepted => [.. _accepted];

    public IReadOnlyList<TimeSpan> Throttled => [.. _throttled];

    public static async Task<ThrottlingConnector> StartAsync(int throttleEvery, int retryAfterSeconds = 1)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ThrottlingConnector? connector = null;
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) => connector!.AcceptAsync(conversationId, request));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector = new ThrottlingConnector(app, new Uri(address.TrimEnd('/') + "/"))
        {
            ThrottleEvery = throttleEvery,
            RetryAfterSeconds = retryAfterSeconds,
        };
        return connector;
    }

    private async Task<IResult> AcceptAsync(string conversationId, HttpRequest request)
    {
        var at = _clock.Elapsed;
        await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        var call = Interlocked.Increment(ref _calls);
        if (ThrottleEvery > 0 && call % ThrottleEvery == 0)
        {
            _throttled.Enqueue(at);
            request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { error = new { code = "Throttled", message = "Too many requests" } }, statusCode: StatusCodes.Status429TooManyRequests);
        }

        _accepted.Enqueue((conversationId, at));
        return Results.Json(new { id = "m" + call }, statusCode: StatusCodes.Status201Created);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
