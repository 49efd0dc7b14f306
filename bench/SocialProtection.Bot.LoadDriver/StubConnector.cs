using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.LoadDriver;

/// <summary>A Bot Connector stand-in on loopback: takes every send/reply/update and hands the bodies to the waiting participant.</summary>
public sealed class StubConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _inboxes = new();
    private int _nextId;

    private StubConnector(WebApplication app, Uri serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    public static async Task<StubConnector> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = null);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new StubConnector(app, new Uri($"http://127.0.0.1:{port}/"));
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) => connector.TakeAsync(conversationId, request));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpRequest request) => connector.TakeAsync(conversationId, request));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpRequest request) => connector.TakeAsync(conversationId, request));
        await app.StartAsync();
        return connector;
    }

    /// <summary>What the bot sent to <paramref name="conversationId"/>, in arrival order.</summary>
    public ChannelReader<JsonElement> Inbox(string conversationId) => InboxOf(conversationId).Reader;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Channel<JsonElement> InboxOf(string conversationId) =>
        _inboxes.GetOrAdd(conversationId, _ => Channel.CreateUnbounded<JsonElement>());

    private async Task<IResult> TakeAsync(string conversationId, HttpRequest request)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        InboxOf(conversationId).Writer.TryWrite(body);
        return Results.Json(new { id = "m" + Interlocked.Increment(ref _nextId) }, statusCode: StatusCodes.Status201Created);
    }
}
