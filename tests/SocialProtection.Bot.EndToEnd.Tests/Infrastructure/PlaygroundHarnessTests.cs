using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Infrastructure;

/// <summary>The Playground harness itself, proven against the in-test echo bot before the real bot exists.</summary>
public sealed class PlaygroundHarnessTests(EchoBotPlaygroundFixture fixture) : IClassFixture<EchoBotPlaygroundFixture>
{
    private PlaygroundTenant Tenant => fixture.Playground.Tenant;

    [Fact]
    public async Task Playground_runs_with_the_generated_tenant()
    {
        await using var client = fixture.Playground.CreateClient();

        var config = await client.GetTestConfigAsync();

        Assert.Equal(Tenant.TenantId, config.TenantId);
        Assert.Equal(Tenant.BotId, config.BotId);
        Assert.Equal(Tenant.CurrentUser.Id, config.CurrentUserId);
        Assert.Equal(Tenant.PersonalChatId, config.PersonalChatId);
        Assert.Equal(Tenant.GroupChatId, config.GroupChatId);
        Assert.Equal(Tenant.Users.Select(u => u.Id), config.GroupChatMemberIds);
        Assert.Equal([Tenant.TeamId, Tenant.ChannelId], config.ChannelIds);
        Assert.Equal(fixture.Playground.Port, fixture.Playground.BaseAddress.Port);
        Assert.True(fixture.Playground.Port < 32768);
        Assert.True(File.Exists(fixture.Playground.LogPath), "The Playground writes its log under .artifacts/playground/.");
    }

    [Fact]
    public async Task User_message_reaches_the_bot_and_its_card_comes_back_on_the_stream()
    {
        await using var client = await fixture.Playground.ConnectClientAsync();
        var token = NewToken();

        await client.SendMessageAsync(Tenant.PersonalChatId, Tenant.CurrentUser.Id, token);
        var reply = await client.WaitForMessageAsync(Tenant.PersonalChatId, m => CardText(m).Contains(token, StringComparison.Ordinal));

        var received = fixture.Bot.Received.Single(a => (string?)a["text"] == token);
        Assert.Equal("personal", (string?)received["conversation"]?["conversationType"]);
        Assert.Equal(Tenant.CurrentUser.AadObjectId, (string?)received["from"]?["aadObjectId"]);
        Assert.Equal(fixture.Playground.ServiceUrl.AbsoluteUri.TrimEnd('/'), (string?)received["serviceUrl"]);
        Assert.Equal(PlaygroundMessageAction.Created, reply.Action);
        Assert.Equal(Tenant.BotId, reply.FromId);
        Assert.False(string.IsNullOrEmpty(reply.MessageId));
        var log = await client.WaitForLogAsync(e => e.IsSentToBot && e.RequestText == token);
        Assert.Equal(200, log.StatusCode);
    }

    [Fact]
    public async Task Group_chat_messages_reach_the_bot_only_when_they_mention_it_and_come_from_their_author()
    {
        await using var client = await fixture.Playground.ConnectClientAsync();
        var otherUser = Tenant.Users[1];
        var unmentionedByMe = NewToken();
        var unmentionedByOther = NewToken();
        var mentionedByMe = NewToken();
        var mentionedByOther = NewToken();

        await client.SendMessageAsync(Tenant.GroupChatId, Tenant.CurrentUser.Id, unmentionedByMe);
        await client.SendMessageAsync(Tenant.GroupChatId, otherUser.Id, unmentionedByOther);
        await client.SendMessageAsync(Tenant.GroupChatId, Tenant.CurrentUser.Id, mentionedByMe, mentionBot: true);
        await client.SendMessageAsync(Tenant.GroupChatId, otherUser.Id, mentionedByOther, mentionBot: true);
        await client.WaitForMessageAsync(Tenant.GroupChatId, m => CardText(m).Contains(mentionedByMe, StringComparison.Ordinal));
        await client.WaitForMessageAsync(Tenant.GroupChatId, m => CardText(m).Contains(mentionedByOther, StringComparison.Ordinal));

        var byMe = ReceivedWithText(mentionedByMe);
        var byOther = ReceivedWithText(mentionedByOther);
        Assert.Equal($"<at>{Tenant.BotName}</at> {mentionedByOther}", (string?)byOther["text"]);
        Assert.Equal(Tenant.CurrentUser.Id, (string?)byMe["from"]?["id"]);
        Assert.Equal(otherUser.Id, (string?)byOther["from"]?["id"]);
        Assert.Equal(otherUser.AadObjectId, (string?)byOther["from"]?["aadObjectId"]);
        foreach (var received in new[] { byMe, byOther })
        {
            Assert.Equal("groupChat", (string?)received["conversation"]?["conversationType"]);
            Assert.Equal(Tenant.GroupChatId, (string?)received["conversation"]?["id"]);
            Assert.Equal("mention", (string?)received["entities"]?[0]?["type"]);
            Assert.Equal(Tenant.BotId, (string?)received["entities"]?[0]?["mentioned"]?["id"]);
        }

        Assert.DoesNotContain(fixture.Bot.Received, a => ((string?)a["text"])?.Contains(unmentionedByMe, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(fixture.Bot.Received, a => ((string?)a["text"])?.Contains(unmentionedByOther, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Execute_action_reaches_the_bot_as_an_invoke_and_its_card_is_returned()
    {
        await using var client = await fixture.Playground.ConnectClientAsync();
        var token = NewToken();
        await client.SendMessageAsync(Tenant.PersonalChatId, Tenant.CurrentUser.Id, token);
        var card = await client.WaitForMessageAsync(Tenant.PersonalChatId, m => CardText(m).Contains(token, StringComparison.Ordinal));

        var result = await client.InvokeAdaptiveCardActionAsync(
            Tenant.PersonalChatId, Tenant.CurrentUser.Id, card.MessageId, EchoCardBot.FlipVerb,
            new JsonObject { ["echo"] = token, [EchoCardBot.NoteInputId] = "typed" });

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(PlaygroundInvokeResult.CardType, result.Type);
        Assert.Contains("Flipped: " + token, result.Value!.Value.GetRawText(), StringComparison.Ordinal);
        var invoke = fixture.Bot.Received.Single(a => (string?)a["type"] == "invoke" && (string?)a["value"]?["action"]?["data"]?["echo"] == token);
        Assert.Equal("adaptiveCard/action", (string?)invoke["name"]);
        Assert.Equal(card.MessageId, (string?)invoke["replyToId"]);
        Assert.Equal("typed", (string?)invoke["value"]?["action"]?["data"]?[EchoCardBot.NoteInputId]);
    }

    [Fact]
    public async Task Invoke_the_bot_rejects_comes_back_as_502_with_the_bot_status()
    {
        await using var client = await fixture.Playground.ConnectClientAsync();
        var token = NewToken();
        await client.SendMessageAsync(Tenant.PersonalChatId, Tenant.CurrentUser.Id, token);
        var card = await client.WaitForMessageAsync(Tenant.PersonalChatId, m => CardText(m).Contains(token, StringComparison.Ordinal));

        var result = await client.InvokeAdaptiveCardActionAsync(
            Tenant.PersonalChatId, Tenant.CurrentUser.Id, card.MessageId, "no-such-verb", data: null);

        Assert.Equal(HttpStatusCode.BadGateway, result.HttpStatus);
        Assert.Equal(400, result.BotStatusCode);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Submit_reaches_the_bot_as_a_message_with_the_card_values()
    {
        await using var client = await fixture.Playground.ConnectClientAsync();
        var token = NewToken();
        await client.SendMessageAsync(Tenant.PersonalChatId, Tenant.CurrentUser.Id, token);
        var card = await client.WaitForMessageAsync(Tenant.PersonalChatId, m => CardText(m).Contains(token, StringComparison.Ordinal));

        await client.SubmitAsync(
            Tenant.PersonalChatId, Tenant.CurrentUser.Id, card.MessageId,
            new JsonObject { ["kind"] = "note", [EchoCardBot.NoteInputId] = token });
        var reply = await client.WaitForMessageAsync(Tenant.PersonalChatId, m => m.Text == $"Submitted note: {token}");

        var submit = fixture.Bot.Received.Single(a => (string?)a["value"]?[EchoCardBot.NoteInputId] == token);
        Assert.Equal("message", (string?)submit["type"]);
        Assert.Null(submit["text"]);
        Assert.Equal(card.MessageId, (string?)submit["replyToId"]);
        Assert.Null(reply.AdaptiveCard);
    }

    [Fact]
    public async Task Install_sends_installation_update_then_conversation_update()
    {
        await using var client = await fixture.Playground.ConnectClientAsync();

        await client.InstallAsync(Tenant.ChannelId);
        var installation = await client.WaitForLogAsync(e => e.IsSentToBot && e.ConversationId == Tenant.ChannelId && e.RequestActivityType == "installationUpdate");
        var membersAdded = await client.WaitForLogAsync(e => e.IsSentToBot && e.ConversationId == Tenant.ChannelId && e.RequestActivityType == "conversationUpdate");

        Assert.Equal("add", installation.RequestBody!.Value.GetProperty("action").GetString());
        Assert.Equal(200, membersAdded.StatusCode);
        Assert.Contains(
            membersAdded.RequestBody!.Value.GetProperty("membersAdded").EnumerateArray(),
            m => m.GetProperty("id").GetString() == Tenant.BotId);
    }

    [Fact]
    public async Task Bot_failure_on_a_message_shows_only_in_the_log_stream()
    {
        await using var client = await fixture.Playground.ConnectClientAsync();

        var posted = await client.SendMessageAsync(Tenant.PersonalChatId, Tenant.CurrentUser.Id, EchoCardBot.FailText);
        var log = await client.WaitForLogAsync(e => e.IsSentToBot && e.RequestText == EchoCardBot.FailText);

        Assert.False(string.IsNullOrEmpty(posted.MessageId));
        Assert.Equal(500, log.StatusCode);
        await client.ExpectNoMessageAsync(Tenant.PersonalChatId, m => m.Action == PlaygroundMessageAction.Created, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Custom_activity_reaches_the_bot_unchanged()
    {
        await using var client = await fixture.Playground.ConnectClientAsync();
        var activity = await client.GetCustomActivityTemplateAsync(Tenant.PersonalChatId, "uninstall");
        var id = NewToken();
        activity["id"] = id;
        activity["locale"] = "th-TH";

        await client.SendCustomActivityAsync(activity);
        await client.WaitForLogAsync(e => e.IsSentToBot && e.RequestActivityId == id);

        var received = fixture.Bot.Received.Single(a => (string?)a["id"] == id);
        Assert.Equal("installationUpdate", (string?)received["type"]);
        Assert.Equal("remove", (string?)received["action"]);
        Assert.Equal("th-TH", (string?)received["locale"]);
    }

    private JsonObject ReceivedWithText(string token) =>
        fixture.Bot.Received.Single(a => ((string?)a["text"])?.Contains(token, StringComparison.Ordinal) == true);

    private static string NewToken() => "t" + Guid.NewGuid().ToString("N")[..12];

    private static string CardText(PlaygroundMessage message) =>
        message.AdaptiveCard is { } card ? card.GetRawText() : "";
}
