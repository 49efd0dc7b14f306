using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialProtection.Bot.EndToEnd.Tests.Hosting;

/// <summary>
/// One Teams user in personal chat with the bot, posting activities to /api/messages the way Teams does
/// (Teams-shaped ids, tenant, locale), with replies going to <paramref name="serviceUrl"/>.
/// </summary>
public sealed class TeamsUser
{
    public const string TenantId = "7a1e3c2b-0000-4000-8000-00000000a11a";
    public const string BotId = "28:00000000-0000-0000-0000-00000000b075";

    private readonly HttpClient bot;
    private readonly Uri serviceUrl;
    private readonly string? locale;

    public TeamsUser(HttpClient bot, Uri serviceUrl, string name, string? locale = "th-TH")
    {
        this.bot = bot;
        this.serviceUrl = serviceUrl;
        this.locale = locale;
        Name = name;
        AadObjectId = Guid.NewGuid().ToString();
        Id = "29:1" + Guid.NewGuid().ToString("N");
        ConversationId = "a:1" + Guid.NewGuid().ToString("N");
    }

    /// <summary>The same person and chat, talking to another bot process (e.g. after a restart).</summary>
    public TeamsUser(HttpClient bot, Uri serviceUrl, TeamsUser same)
        : this(bot, serviceUrl, same.Name, same.locale)
    {
        AadObjectId = same.AadObjectId;
        Id = same.Id;
        ConversationId = same.ConversationId;
    }

    public string AadObjectId { get; }

    public string Id { get; }

    public string ConversationId { get; }

    public string Name { get; }

    /// <summary>Sends a typed message; returns the activity id used (so a test can deliver it again).</summary>
    public async Task<string> SendAsync(string text, string? activityId = null)
    {
        var id = activityId ?? NewActivityId();
        var response = await PostAsync(Activity("message", id, text: text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return id;
    }

    /// <summary>Presses an Action.Execute button; returns the invoke response body (<c>{statusCode, type, value}</c>).</summary>
    public async Task<JsonElement> ExecuteAsync(string verb, JsonObject data, string? replyToId = null, string? activityId = null)
    {
        var value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        var response = await PostAsync(Activity("invoke", activityId ?? NewActivityId(), name: "adaptiveCard/action", value: value, replyToId: replyToId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Presses an Action.Submit button (or Execute falling back to Submit on mobile): a message with only a value.</summary>
    public async Task SubmitAsync(JsonObject data, string? replyToId = null, string? activityId = null)
    {
        var response = await PostAsync(Activity("message", activityId ?? NewActivityId(), value: data, replyToId: replyToId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        await bot.PostAsync("api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    public JsonObject Activity(string type, string id, string? text = null, string? name = null, JsonNode? value = null, string? replyToId = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = Id, ["name"] = Name, ["aadObjectId"] = AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "SocialProtection.Bot" },
            ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
        if (locale is not null) activity["locale"] = locale;
        if (text is not null) activity["text"] = text;
        if (name is not null) activity["name"] = name;
        if (value is not null) activity["value"] = value;
        if (replyToId is not null) activity["replyToId"] = replyToId;
        return activity;
    }

    public static string NewActivityId() => "1" + Guid.NewGuid().ToString("N");
}
