using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Tests;

public sealed class SchemaRoundTripTests
{
    // A Teams channel message as the connector delivers it, plus fields Teams may add tomorrow at every level.
    private const string TeamsPayload = """
    {
      "text": "<at>Workshop Bot</at> แก้ไข 3",
      "textFormat": "plain",
      "attachments": [
        { "contentType": "text/html", "content": "<div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">Workshop Bot</span> แก้ไข 3</div>", "futureAttachmentField": 7 }
      ],
      "type": "message",
      "timestamp": "2025-03-04T05:06:07.891Z",
      "localTimestamp": "2025-03-04T12:06:07.891+07:00",
      "id": "1741064767891",
      "channelId": "msteams",
      "serviceUrl": "https://smba.trafficmanager.net/apac/",
      "from": { "id": "29:1qX3dHsT9vGf", "name": "สมชาย ใจดี", "aadObjectId": "6b1c1f2e-3d4c-4b5a-9e8d-7c6b5a4f3e2d", "userRole": "user" },
      "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47", "id": "19:3c9a8d7e@thread.tacv2;messageid=1741064767891", "futureConversationField": { "a": [1, 2.5, "x"] } },
      "recipient": { "id": "28:2f4d1c6e-0a7b-4c1e-9a55-3f0c6b1d2e90", "name": "Workshop Bot" },
      "entities": [
        { "mentioned": { "id": "28:2f4d1c6e-0a7b-4c1e-9a55-3f0c6b1d2e90", "name": "Workshop Bot", "futureMentionedField": true }, "text": "<at>Workshop Bot</at>", "type": "mention" },
        { "locale": "th-TH", "country": "TH", "platform": "Web", "timezone": "Asia/Bangkok", "type": "clientInfo" }
      ],
      "channelData": {
        "teamsChannelId": "19:3c9a8d7e@thread.tacv2",
        "teamsTeamId": "19:0a1b2c3d@thread.tacv2",
        "channel": { "id": "19:3c9a8d7e@thread.tacv2", "name": "กลุ่ม A", "type": "standard" },
        "team": { "id": "19:0a1b2c3d@thread.tacv2", "name": "Workshop", "aadGroupId": "0d9b0a36-0d9b-4a36-8f6e-2b5a1c3d4e5f", "futureTeamField": { "nested": [1, 2, { "x": null }] } },
        "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" },
        "meeting": { "id": "MCMxOTptZWV0aW5n", "futureMeetingField": "kept" },
        "eventType": "teamMemberAdded",
        "settings": { "selectedChannel": { "id": "19:3c9a8d7e@thread.tacv2" }, "futureSettingsField": [] },
        "source": { "name": "message" },
        "unknownTeamsFeature": { "flag": true, "list": ["a", { "b": 2 }], "nothing": null }
      },
      "locale": "th-TH",
      "localTimezone": "Asia/Bangkok",
      "futureTopLevel": { "deep": { "deeper": [true, false, null] } },
      "futureNull": null
    }
    """;

    [Fact]
    public void A_Teams_activity_survives_a_round_trip_with_every_unknown_field_untouched()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsPayload, ProtocolJson.Options)!;
        var written = JsonSerializer.Serialize(activity, ProtocolJson.Options);

        var original = JsonNode.Parse(TeamsPayload)!.AsObject();
        var roundTripped = JsonNode.Parse(written)!.AsObject();

        // Timestamps are re-written in an equivalent form (+00:00 for Z); compare them as instants.
        foreach (var name in new[] { "timestamp", "localTimestamp" })
        {
            Assert.Equal(
                DateTimeOffset.Parse(original[name]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(roundTripped[name]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
            original.Remove(name);
            roundTripped.Remove(name);
        }
        Assert.True(JsonNode.DeepEquals(original, roundTripped), $"Round trip changed the activity:\n{written}");
    }

    [Fact]
    public void Teams_channel_data_is_readable_as_typed_fields()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsPayload, ProtocolJson.Options)!;

        var channelData = activity.ChannelData!;
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", channelData.Tenant!.Id);
        Assert.Equal("19:0a1b2c3d@thread.tacv2", channelData.Team!.Id);
        Assert.Equal("0d9b0a36-0d9b-4a36-8f6e-2b5a1c3d4e5f", channelData.Team.AadGroupId);
        Assert.Equal("กลุ่ม A", channelData.Channel!.Name);
        Assert.Equal("MCMxOTptZWV0aW5n", channelData.Meeting!.Id);
        Assert.Equal("teamMemberAdded", channelData.EventType);
        Assert.Equal("19:3c9a8d7e@thread.tacv2", channelData.Settings!.SelectedChannel!.Id);
        Assert.True(channelData.ExtensionData!.ContainsKey("unknownTeamsFeature"));

        var mention = Assert.Single(activity.Entities!, e => e.Type == Entity.MentionType);
        Assert.True(mention.IsMentionOf(activity.Recipient!.Id));
        Assert.Equal("<at>Workshop Bot</at>", mention.Text);
        var clientInfo = Assert.Single(activity.Entities!, e => e.Type == "clientInfo");
        Assert.Equal("Asia/Bangkok", clientInfo.ExtensionData!["timezone"].GetString());
        Assert.Equal("channel", activity.Conversation!.ConversationType);
        Assert.True(activity.Conversation.IsGroup);
    }

    [Fact]
    public void A_conversation_reference_taken_from_an_activity_round_trips_for_storage()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsPayload, ProtocolJson.Options)!;

        var reference = ConversationReference.FromIncoming(activity);
        var stored = JsonSerializer.Serialize(reference, ProtocolJson.Options);
        var restored = JsonSerializer.Deserialize<ConversationReference>(stored, ProtocolJson.Options)!;

        Assert.Equal(activity.ServiceUrl, restored.ServiceUrl);
        Assert.Equal(activity.Conversation!.Id, restored.Conversation!.Id);
        Assert.Equal(activity.From!.AadObjectId, restored.User!.AadObjectId);
        Assert.Equal(activity.Recipient!.Id, restored.Bot!.Id);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", restored.TenantId);
        Assert.Equal("msteams", restored.ChannelId);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(JsonSerializer.Serialize(restored, ProtocolJson.Options))));
    }

    [Fact]
    public void Thai_text_is_written_as_is_not_as_escapes_that_triple_its_size()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = "message", Text = "สวัสดีครับ" }, ProtocolJson.Options);

        Assert.Contains("สวัสดีครับ", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_given_twice_is_refused_rather_than_guessed()
    {
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<Activity>("""{"type":"message","serviceUrl":"http://127.0.0.1/","serviceUrl":"https://evil.example/"}""", ProtocolJson.Options));
    }

    [Fact]
    public void An_outbound_mention_pairs_the_entity_with_the_same_at_text()
    {
        var user = new ChannelAccount { Id = "29:abc", Name = "สมหญิง" };

        var entity = Entity.Mention(user);

        Assert.Equal("mention", entity.Type);
        Assert.Equal("<at>สมหญิง</at>", entity.Text);
        Assert.Equal(Entity.MentionText(user), entity.Text);
        Assert.Equal("29:abc", entity.Mentioned!.Id);
    }
}
