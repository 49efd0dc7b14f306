using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SocialProtection.Bot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A deliberately tiny bot, independent of our protocol layer, that proves the test harness (Playground,
/// browser) on its own: a message gets an Adaptive Card back through the connector; <c>Action.Execute</c>
/// verb <c>flip</c> answers with a replacement card; a submit gets a text reply; the text <c>fail</c> gets a 500.
/// </summary>
internal sealed class EchoCardBot : IAsyncDisposable
{
    public const string FlipVerb = "flip";
    public const string FlipTitle = "Flip";
    public const string SubmitTitle = "Send note";
    public const string FailText = "fail";
    public const string NoteInputId = "note";

    private readonly WebApplication _app;
    private readonly HttpClient _connector = new(new SocketsHttpHandler { UseProxy = false });

    private EchoCardBot(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Every activity the bot received, in order.</summary>
    public ConcurrentQueue<JsonObject> Received { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<EchoCardBot> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Port 0: the OS picks a free port and nothing can take it between our choice and the bind.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var bot = new EchoCardBot(app);
        app.MapPost("/api/messages", bot.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.Single();
        bot.Endpoint = new Uri(new Uri(address), "/api/messages");
        return bot;
    }

    /// <summary>The card the bot sends in reply to <paramref name="text"/>.</summary>
    public static JsonObject EchoCard(string text) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["fallbackText"] = "Echo: " + text,
        ["body"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Echo: " + text, ["wrap"] = true },
            new JsonObject { ["type"] = "Input.Text", ["id"] = NoteInputId, ["label"] = "Note", ["placeholder"] = "Write a note" }),
        ["actions"] = new JsonArray(
            new JsonObject { ["type"] = "Action.Execute", ["title"] = FlipTitle, ["verb"] = FlipVerb, ["data"] = new JsonObject { ["echo"] = text } },
            new JsonObject { ["type"] = "Action.Submit", ["title"] = SubmitTitle, ["data"] = new JsonObject { ["kind"] = "note" } }),
    };

    /// <summary>The card that replaces the echo card after <c>flip</c>.</summary>
    public static JsonObject FlippedCard(string echo) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["fallbackText"] = "Flipped: " + echo,
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Flipped: " + echo, ["wrap"] = true }),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _connector.Dispose();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        if (await JsonNode.ParseAsync(request.Body) is not JsonObject activity)
        {
            return Results.BadRequest();
        }

        Received.Enqueue(activity);
        var type = (string?)activity["type"];
        var text = (string?)activity["text"];
        if (type == "invoke" && (string?)activity["name"] == "adaptiveCard/action")
        {
            var action = activity["value"]?["action"];
            if ((string?)action?["verb"] != FlipVerb)
            {
                return Results.Json(new JsonObject { ["statusCode"] = 400, ["type"] = "application/vnd.microsoft.error", ["value"] = new JsonObject { ["code"] = "BadRequest", ["message"] = "unknown verb" } }, statusCode: 400);
            }

            var echo = (string?)action?["data"]?["echo"] ?? "";
            return Results.Json(new JsonObject
            {
                ["statusCode"] = 200,
                ["type"] = "application/vnd.microsoft.card.adaptive",
                ["value"] = FlippedCard(echo),
            });
        }

        if (type == "message" && activity["value"] is JsonObject submitted)
        {
            await ReplyAsync(activity, new JsonObject
            {
                ["type"] = "message",
                ["text"] = $"Submitted {(string?)submitted["kind"]}: {(string?)submitted[NoteInputId]}",
            });
            return Results.Ok();
        }

        if (type == "message" && text is not null)
        {
            var plain = StripMentions(text);
            if (plain == FailText)
            {
                return Results.StatusCode(500);
            }

            await ReplyAsync(activity, new JsonObject
            {
                ["type"] = "message",
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.adaptive",
                    ["content"] = EchoCard(plain),
                }),
            });
        }

        return Results.Ok();
    }

    private async Task ReplyAsync(JsonObject activity, JsonObject reply)
    {
        var serviceUrl = new Uri(((string?)activity["serviceUrl"] ?? "").TrimEnd('/') + "/");
        if (!serviceUrl.IsLoopback)
        {
            throw new InvalidOperationException("The echo bot only calls loopback connectors.");
        }

        var conversationId = (string?)activity["conversation"]?["id"] ?? "";
        reply["from"] = activity["recipient"]?.DeepClone();
        reply["recipient"] = activity["from"]?.DeepClone();
        reply["conversation"] = activity["conversation"]?.DeepClone();
        reply["replyToId"] = (string?)activity["id"];
        var target = new Uri(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities");
        using var response = await _connector.PostAsJsonAsync(target, reply);
        response.EnsureSuccessStatusCode();
    }

    private static string StripMentions(string text)
    {
        var end = text.LastIndexOf("</at>", StringComparison.Ordinal);
        return (end < 0 ? text : text[(end + "</at>".Length)..]).Trim();
    }
}
