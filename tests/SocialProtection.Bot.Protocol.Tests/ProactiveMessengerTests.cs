using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Protocol.Tests;

/// <summary>Reminders and summaries: opening a personal chat and messaging a stored conversation later.</summary>
public sealed class ProactiveMessengerTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;
    private IProactiveMessenger _messenger = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _services = ProtocolServices.Build();
        _messenger = _services.GetRequiredService<IProactiveMessenger>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_personal_chat_is_created_for_the_user_and_a_reference_to_it_returned()
    {
        _connector.Then(201, """{"id":"a:new-chat"}""");
        var user = new ChannelAccount { Id = TeamsActivities.UserId, AadObjectId = "oid-1" };

        var reference = await _messenger.CreatePersonalConversationAsync(_connector.ServiceUrl, TeamsActivities.TenantId, user, TeamsActivities.BotId, CancellationToken.None);

        var body = Assert.Single(_connector.Requests).Json;
        Assert.Equal(TeamsActivities.BotId, body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal(TeamsActivities.UserId, body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal(TeamsActivities.TenantId, body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("a:new-chat", reference.Conversation!.Id);
        Assert.Equal(_connector.ServiceUrl, reference.ServiceUrl);
        Assert.Equal(TeamsActivities.BotId, reference.Bot!.Id);
        Assert.Equal("oid-1", reference.User!.AadObjectId);
        Assert.Equal("msteams", reference.ChannelId);
    }

    [Fact]
    public async Task A_user_who_has_not_installed_the_bot_surfaces_as_403()
    {
        _connector.Then(403, """{"error":{"code":"MemberNotFoundInConversation"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => _messenger.CreatePersonalConversationAsync(
            _connector.ServiceUrl, TeamsActivities.TenantId, new ChannelAccount { Id = "29:x" }, TeamsActivities.BotId, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Continuing_a_stored_conversation_posts_a_new_message_into_it_from_the_bot()
    {
        var reference = new ConversationReference
        {
            ActivityId = "1741064767891",
            Bot = new ChannelAccount { Id = TeamsActivities.BotId, Name = TeamsActivities.BotName },
            User = new ChannelAccount { Id = TeamsActivities.UserId },
            Conversation = new ConversationAccount { Id = TeamsActivities.ChannelConversationId, ConversationType = "channel" },
            ChannelId = "msteams",
            ServiceUrl = _connector.ServiceUrl,
        };

        await _messenger.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(MessageFactory.Text("เตือนความจำ"), ct), CancellationToken.None);

        var sent = Assert.Single(_connector.Requests);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(TeamsActivities.ChannelConversationId)}/activities", sent.RawTarget);
        var body = sent.Json;
        Assert.Equal("เตือนความจำ", body.GetProperty("text").GetString());
        Assert.Equal(TeamsActivities.BotId, body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(TeamsActivities.ChannelConversationId, body.GetProperty("conversation").GetProperty("id").GetString());
        Assert.False(body.TryGetProperty("replyToId", out _));
    }
}
