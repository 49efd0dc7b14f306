using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Protocol.Tests;

/// <summary>
/// Ids become connector URL segments: an id of "." or ".." would be read as a dot segment and collapse the path
/// (".../conversations/../activities" is ".../activities"), so the bot refuses them before any call.
/// </summary>
public sealed class DotSegmentIdTests : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private FakeConnector _connector = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await TestBot.StartAsync(_handler);
        // Whatever reaches the handler answers, so a refused activity shows as "no connector call at all".
        _handler.OnTurn = async (turn, ct) =>
        {
            await turn.SendActivityAsync(MessageFactory.Text("สวัสดี"), ct);
            return null;
        };
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("conversation.id", ".")]
    [InlineData("conversation.id", "..")]
    [InlineData("id", ".")]
    [InlineData("id", "..")]
    [InlineData("replyToId", "..")]
    [InlineData("from.id", "..")]
    public async Task An_activity_with_a_dot_segment_id_gets_400_and_the_connector_is_never_called(string field, string id)
    {
        var activity = TeamsActivities.PersonalMessage(_connector.ServiceUrl, "hi");
        switch (field)
        {
            case "conversation.id":
                activity["conversation"]!["id"] = id;
                break;
            case "from.id":
                activity["from"]!["id"] = id;
                break;
            default:
                activity[field] = id;
                break;
        }

        using var response = await _bot.PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, (await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(_handler.Turns);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Ids_that_merely_contain_dots_or_slashes_are_ordinary_ids()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.ServiceUrl, "hi");
        activity["conversation"]!["id"] = "a:..x/../y";
        activity["id"] = "...";

        using var response = await _bot.PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Escaped, the id stays one segment: "/" is %2F and the dots are not a segment of their own.
        Assert.Equal("/teams/v3/conversations/a%3A..x%2F..%2Fy/activities/...", Assert.Single(_connector.Requests).RawTarget);
    }

    [Theory]
    [InlineData(".", "1")]
    [InlineData("..", "1")]
    [InlineData("a:1", ".")]
    [InlineData("a:1", "..")]
    public async Task The_connector_client_refuses_dot_segment_ids_before_calling(string conversationId, string activityId)
    {
        await using var services = ProtocolServices.Build();
        var client = services.GetRequiredService<IConnectorClient>();
        var message = new Activity { Type = ActivityTypes.Message, Text = "x" };

        await Assert.ThrowsAsync<ArgumentException>(() => client.ReplyToActivityAsync(_connector.ServiceUrl, conversationId, activityId, message, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateActivityAsync(_connector.ServiceUrl, conversationId, activityId, message, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteActivityAsync(_connector.ServiceUrl, conversationId, activityId, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetMemberAsync(_connector.ServiceUrl, conversationId, activityId, CancellationToken.None));

        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task The_connector_client_refuses_a_dot_segment_conversation_for_sends_and_member_pages(string conversationId)
    {
        await using var services = ProtocolServices.Build();
        var client = services.GetRequiredService<IConnectorClient>();

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToConversationAsync(_connector.ServiceUrl, conversationId, new Activity { Type = ActivityTypes.Message }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetPagedMembersAsync(_connector.ServiceUrl, conversationId, 10, null, CancellationToken.None));

        Assert.Empty(_connector.Requests);
    }
}
