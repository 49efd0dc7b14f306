using System.Text.Json.Nodes;

namespace SocialProtection.Bot.Protocol.Tests.Infrastructure;

/// <summary>Activities shaped as Teams sends them (ids, channelData, entities), for a given service URL.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:2f4d1c6e-0a7b-4c1e-9a55-3f0c6b1d2e90";
    public const string BotName = "Workshop Bot";
    public const string UserId = "29:1qX3dHsT9vGfA-kLmNoPqRsTuVwXyZ0123456789abcdefGhIjKlMnOpQrStUvWxYz";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string PersonalConversationId = "a:1Hk8jX0bY5vZ3pLq2wErTyUiOpAsDfGhJkLzXcVbNm_-9QwE";
    public const string ChannelConversationId = "19:3c9a8d7e6f5b4a39@thread.tacv2;messageid=1741064767891";
    public const string GroupConversationId = "19:meeting_NjY3ZmM0@thread.v2";

    public static JsonObject PersonalMessage(string serviceUrl, string text, string locale = "en-US") => new()
    {
        ["text"] = text,
        ["textFormat"] = "plain",
        ["type"] = "message",
        ["timestamp"] = "2025-03-04T05:06:07.891Z",
        ["localTimestamp"] = "2025-03-04T12:06:07.891+07:00",
        ["id"] = "1741064767891",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "สมชาย ใจดี", ["aadObjectId"] = "6b1c1f2e-3d4c-4b5a-9e8d-7c6b5a4f3e2d" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = PersonalConversationId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["entities"] = new JsonArray(new JsonObject { ["locale"] = locale, ["country"] = "TH", ["platform"] = "Web", ["timezone"] = "Asia/Bangkok", ["type"] = "clientInfo" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = locale,
        ["localTimezone"] = "Asia/Bangkok",
    };

    /// <summary>A channel thread message that @mentions the bot, with Teams' full channelData.</summary>
    public static JsonObject ChannelMessage(string serviceUrl, string textAfterMention)
    {
        var activity = PersonalMessage(serviceUrl, $"<at>{BotName}</at> {textAfterMention}");
        activity["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = TenantId,
            ["id"] = ChannelConversationId,
        };
        activity["entities"] = new JsonArray(
            new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
                ["text"] = $"<at>{BotName}</at>",
                ["type"] = "mention",
            },
            new JsonObject { ["locale"] = "th-TH", ["country"] = "TH", ["platform"] = "Web", ["timezone"] = "Asia/Bangkok", ["type"] = "clientInfo" });
        activity["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = "19:3c9a8d7e6f5b4a39@thread.tacv2",
            ["teamsTeamId"] = "19:0a1b2c3d4e5f@thread.tacv2",
            ["channel"] = new JsonObject { ["id"] = "19:3c9a8d7e6f5b4a39@thread.tacv2", ["name"] = "กลุ่ม A" },
            ["team"] = new JsonObject { ["id"] = "19:0a1b2c3d4e5f@thread.tacv2", ["name"] = "Workshop", ["aadGroupId"] = "0d9b0a36-0d9b-4a36-8f6e-2b5a1c3d4e5f" },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["source"] = new JsonObject { ["name"] = "message" },
        };
        return activity;
    }

    public static JsonObject GroupChatMessage(string serviceUrl, string textAfterMention)
    {
        var activity = ChannelMessage(serviceUrl, textAfterMention);
        activity["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "groupChat",
            ["tenantId"] = TenantId,
            ["id"] = GroupConversationId,
        };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        return activity;
    }

    /// <summary>An Action.Execute press: an adaptiveCard/action invoke.</summary>
    public static JsonObject ExecuteInvoke(string serviceUrl, string verb, JsonObject data)
    {
        var activity = PersonalMessage(serviceUrl, "");
        activity.Remove("text");
        activity.Remove("textFormat");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "1741064700000";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Save", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>An Action.Submit press: a message with no text whose value is the data and inputs.</summary>
    public static JsonObject SubmitMessage(string serviceUrl, JsonObject value)
    {
        var activity = PersonalMessage(serviceUrl, "");
        activity.Remove("text");
        activity["replyToId"] = "1741064700000";
        activity["value"] = value;
        return activity;
    }
}
