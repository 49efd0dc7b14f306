using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Protocol.Tests;

public sealed class TurnContextTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;
    private TurnContext _turn = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _services = ProtocolServices.Build();
        var incoming = System.Text.Json.JsonSerializer.Deserialize<Activity>(
            TeamsActivities.ChannelMessage(_connector.ServiceUrl, "hi").ToJsonString(), ProtocolJson.Options)!;
        _turn = new TurnContext(incoming, ConversationReference.FromIncoming(incoming), _services.GetRequiredService<IConnectorClient>());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Updating_a_card_puts_the_new_content_at_its_message_id_in_this_conversation()
    {
        await _turn.UpdateActivityAsync(new Activity { Id = "card-7", Type = ActivityTypes.Message, Text = "updated" }, CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(TeamsActivities.ChannelConversationId)}/activities/card-7", request.RawTarget);
        Assert.Equal(TeamsActivities.BotId, request.Json.GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Updating_without_an_id_is_refused_before_any_call()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _turn.UpdateActivityAsync(MessageFactory.Text("x"), CancellationToken.None));

        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Deleting_removes_the_named_message_of_this_conversation()
    {
        await _turn.DeleteActivityAsync("card-7", CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal(("DELETE", $"/teams/v3/conversations/{Uri.EscapeDataString(TeamsActivities.ChannelConversationId)}/activities/card-7"), (request.Method, request.RawTarget));
    }

    [Fact]
    public async Task The_typing_indicator_is_a_typing_activity_in_the_thread()
    {
        await _turn.SendTypingAsync(CancellationToken.None);

        Assert.Equal("typing", Assert.Single(_connector.Requests).Json.GetProperty("type").GetString());
    }

    [Fact]
    public void The_conversation_reference_names_the_user_the_bot_the_conversation_and_the_connector()
    {
        var reference = _turn.GetConversationReference();

        Assert.Equal(TeamsActivities.UserId, reference.User!.Id);
        Assert.Equal(TeamsActivities.BotId, reference.Bot!.Id);
        Assert.Equal(TeamsActivities.ChannelConversationId, reference.Conversation!.Id);
        Assert.Equal(_connector.ServiceUrl, reference.ServiceUrl);
        Assert.Equal(TeamsActivities.TenantId, reference.TenantId);
        Assert.Equal("1741064767891", reference.ActivityId);
    }
}
