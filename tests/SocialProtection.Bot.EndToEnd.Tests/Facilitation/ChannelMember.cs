using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialProtection.Bot.EndToEnd.Tests.Facilitation;

/// <summary>
/// A member of a team posting to /api/messages from a channel, the way Teams does: a new post @mentions the bot and is
/// its own thread; card presses come from the card's thread.
/// </summary>
internal sealed class ChannelMember(HttpClient bot, Uri serviceUrl, string name, string aadObjectId)
{
    public const string TenantId = "7a1e3c2b-0000-4000-8000-00000000a11a";
    public const string BotId = "28:00000000-0000-0000-0000-00000000b075";
    public const string BotName = "SocialProtection.Bot";
    public const string TeamId = "19:0e2f7f3c2b0a4a0c9c1e1d5f00000000@thread.tacv2";
    public const string ChannelId = "19:5a9c3f0b1e2d4c8a9b7e6d5c00000000@thread.tacv2";

    public string Name { get; } = name;

    public string AadObjectId { get; } = aadObjectId;

    public string Id { get; } = "29:1" + Guid.NewGuid().ToString("N");

    /// <summary>A new channel post "@Bot {text}".</summary>
    public async Task<HttpResponseMessage> PostAsync(string text)
    {
        var id = NewId();
        var activity = Activity("message", id, ChannelId + ";messageid=" + id);
        activity["text"] = $"<at>{BotName}</at> {text}";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["text"] = $"<at>{BotName}</at>",
        });
        return await SendAsync(activity);
    }

    /// <summary>Installs the bot in the team, as Teams tells the bot: an installationUpdate "add" from this member.</summary>
    public async Task<HttpResponseMessage> InstallAsync()
    {
        var activity = Activity("installationUpdate", NewId(), ChannelId);
        activity["action"] = "add";
        return await SendAsync(activity);
    }

    /// <summary>Presses an Action.Execute button on the card <paramref name="cardId"/>; returns the invoke body.</summary>
    public async Task<JsonElement> PressAsync(string verb, JsonObject data, string cardId)
    {
        var activity = Activity("invoke", NewId(), ChannelId + ";messageid=" + cardId);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = cardId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        };
        var response = await SendAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> SendAsync(JsonObject activity) =>
        bot.PostAsync("api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    private JsonObject Activity(string type, string id, string conversationId) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["locale"] = "th-TH",
        ["from"] = new JsonObject { ["id"] = Id, ["name"] = Name, ["aadObjectId"] = AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = ChannelId },
        },
    };

    private static string NewId() => "1" + Guid.NewGuid().ToString("N");
}
