using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Hosting;

/// <summary>One call the bot made to the connector; <see cref="ResponseId"/>: the message id the connector answered with.</summary>
public sealed record ConnectorCall(string Method, string ConversationId, string? ActivityId, JsonElement Body, string? ResponseId = null)
{
    /// <summary>When the connector received the call (<see cref="System.Diagnostics.Stopwatch"/> ticks), for rate-limit checks.</summary>
    public long ReceivedAt { get; init; }

    public string? Text => Body.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    public IEnumerable<JsonElement> Cards =>
        Body.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array
            ? attachments.EnumerateArray()
                .Where(a => a.TryGetProperty("contentType", out var type) && type.GetString() == "application/vnd.microsoft.card.adaptive")
                .Select(a => a.GetProperty("content"))
            : [];

    /// <summary>All text the call shows a person: message text and the texts of its cards.</summary>
    public string VisibleText => string.Join("\n", new[] { Text ?? "" }.Concat(Cards.Select(AdaptiveCardReader.Text)));
}

/// <summary>
/// A Bot Connector stand-in on 127.0.0.1 that records what the bot sends (send, reply, update, create
/// conversation) and answers like the real one, for tests that drive /api/messages directly.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly SemaphoreSlim _changed = new(0, int.MaxValue);
    private int _nextId;

    private RecordingConnector(WebApplication app, Uri serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    public IReadOnlyList<ConnectorCall> Calls => _calls.ToArray();

    public IReadOnlyList<ConnectorCall> CallsTo(string conversationId) =>
        _calls.Where(c => c.ConversationId == conversationId).ToArray();

    public static async Task<RecordingConnector> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new RecordingConnector(app, new Uri($"http://127.0.0.1:{port}/"));
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) =>
            connector.RecordAsync("POST", conversationId, null, request));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) =>
            connector.RecordAsync("POST", conversationId, activityId, request));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) =>
            connector.RecordAsync("PUT", conversationId, activityId, request));
        app.MapPost("/v3/conversations", async (HttpRequest request) =>
        {
            var receivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            var member = body.GetProperty("members")[0].GetProperty("id").GetString();
            var id = "a:personal-" + member;
            connector.Record(new ConnectorCall("CREATE", id, null, body) { ReceivedAt = receivedAt });
            return Results.Json(new { id }, statusCode: StatusCodes.Status201Created);
        });
        await app.StartAsync();
        return connector;
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the calls recorded so far.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForAsync(
        Func<IReadOnlyList<ConnectorCall>, bool> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var calls = Calls;
            if (condition(calls))
            {
                return calls;
            }
            try
            {
                await _changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The connector did not see what was expected; it saw {calls.Count} calls:\n" +
                    string.Join("\n", calls.Select(c => $"{c.Method} {c.ConversationId} {c.ActivityId} {c.Text}")));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _changed.Dispose();
    }

    private async Task<IResult> RecordAsync(string method, string conversationId, string? activityId, HttpRequest request)
    {
        var receivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        var id = method == "PUT" ? activityId! : "m" + Interlocked.Increment(ref _nextId);
        Record(new ConnectorCall(method, conversationId, activityId, body, id) { ReceivedAt = receivedAt });
        return Results.Json(new { id }, statusCode: method == "PUT" ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    private void Record(ConnectorCall call)
    {
        _calls.Enqueue(call);
        _changed.Release();
    }
}
