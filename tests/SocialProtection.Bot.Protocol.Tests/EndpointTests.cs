using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Protocol.Tests;

/// <summary>/api/messages in local mode (no app id): shapes, statuses and turn behaviour.</summary>
public sealed class EndpointTests : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private FakeConnector _connector = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await TestBot.StartAsync(_handler, new Dictionary<string, string?> { ["Bot:MaxRequestBytes"] = "4096" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private string Message(string text) => TeamsActivities.PersonalMessage(_connector.ServiceUrl, text).ToJsonString();

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("{\"type\":\"message\",\"text\":{\"not\":\"a string\"}}")]
    public async Task A_body_that_is_not_a_JSON_activity_gets_400_with_problem_details(string body)
    {
        using var response = await _bot.PostAsync(body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(_handler.Turns);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_body_that_is_not_declared_as_JSON_gets_415(string contentType)
    {
        using var response = await _bot.PostAsync(Message("hi"), contentType: contentType);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(_handler.Turns);
    }

    [Fact]
    public async Task A_request_without_a_content_type_gets_415()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Message("hi")));
        using var response = await _bot.Client.PostAsync("api/messages", content);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_activity_without_a_type_gets_400_naming_the_field()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.ServiceUrl, "hi");
        activity.Remove("type");

        using var response = await _bot.PostAsync(activity.ToJsonString());

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("type", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_without_conversation_service_url_or_sender_gets_400_naming_each()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.ServiceUrl, "hi");
        activity.Remove("conversation");
        activity.Remove("serviceUrl");
        activity.Remove("from");

        using var response = await _bot.PostAsync(activity.ToJsonString());

        var detail = (await AssertProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
        Assert.Contains("conversation.id", detail, StringComparison.Ordinal);
        Assert.Contains("serviceUrl", detail, StringComparison.Ordinal);
        Assert.Contains("from.id", detail, StringComparison.Ordinal);
        Assert.Empty(_handler.Turns);
    }

    [Fact]
    public async Task A_body_over_the_configured_limit_gets_413()
    {
        using var response = await _bot.PostAsync(Message(new string('x', 5000)));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(_handler.Turns);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413_even_without_a_length()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Message(new string('x', 5000)))));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _bot.Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task GET_gets_405_with_problem_details_and_HEAD_gets_an_answer_that_is_not_a_server_error()
    {
        using var get = await _bot.Client.GetAsync("api/messages");
        await AssertProblemAsync(get, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("POST", get.Content.Headers.Allow);

        using var head = await _bot.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/messages"));
        Assert.True((int)head.StatusCode < 500);
    }

    [Fact]
    public async Task An_activity_of_an_unknown_type_is_accepted_and_ignored()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.ServiceUrl, "hi");
        activity["type"] = "somethingTeamsInventsNextYear";
        activity.Remove("conversation");

        using var response = await _bot.PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_handler.Turns);
    }

    [Fact]
    public async Task A_message_turn_runs_to_completion_before_the_channel_gets_200()
    {
        var finished = false;
        _handler.OnTurn = async (turn, ct) =>
        {
            await Task.Delay(200, ct);
            finished = true;
            return null;
        };

        using var response = await _bot.PostAsync(Message("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(finished);
        Assert.Equal("hello", Assert.Single(_handler.Turns).Text);
    }

    [Fact]
    public async Task A_reply_goes_to_the_incoming_activity_addressed_from_the_bot_to_the_user()
    {
        _handler.OnTurn = async (turn, ct) =>
        {
            await turn.SendActivityAsync(MessageFactory.Text("สวัสดี"), ct);
            return null;
        };

        using var response = await _bot.PostAsync(Message("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(_connector.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(TeamsActivities.PersonalConversationId)}/activities/1741064767891", sent.RawTarget);
        var body = sent.Json;
        Assert.Equal("สวัสดี", body.GetProperty("text").GetString());
        Assert.Equal(TeamsActivities.BotId, body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(TeamsActivities.UserId, body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(TeamsActivities.PersonalConversationId, body.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("1741064767891", body.GetProperty("replyToId").GetString());
        Assert.Equal("msteams", body.GetProperty("channelId").GetString());
        Assert.Null(sent.Authorization);
    }

    [Fact]
    public async Task A_failing_message_turn_answers_200_and_tells_the_user_in_Thai_when_they_use_Thai()
    {
        _handler.OnTurn = (_, _) => throw new InvalidOperationException("boom");
        var activity = TeamsActivities.PersonalMessage(_connector.ServiceUrl, "คำตอบลับของฉัน", locale: "th-TH");

        using var response = await _bot.PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(_connector.Requests).Json.GetProperty("text").GetString()!;
        Assert.Contains("กรุณาลองใหม่", apology, StringComparison.Ordinal);
        Assert.Contains(_bot.Logs.Lines, line => line.Level == LogLevel.Error && line.Exception is InvalidOperationException);
        // Nothing the user wrote, nor who they are, reaches the logs.
        Assert.DoesNotContain(_bot.Logs.Lines, line => line.Message.Contains("คำตอบลับ", StringComparison.Ordinal)
            || line.Message.Contains("สมชาย", StringComparison.Ordinal)
            || line.Message.Contains(TeamsActivities.UserId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_invoke_answers_with_an_error_for_the_card_never_a_500()
    {
        _handler.OnTurn = (_, _) => throw new InvalidOperationException("boom");
        var invoke = TeamsActivities.ExecuteInvoke(_connector.ServiceUrl, "save", new JsonObject());

        using var response = await _bot.PostAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(500, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(AdaptiveCardInvokeResponses.ErrorType, body.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("value").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task An_invoke_is_answered_with_the_handlers_status_and_body()
    {
        _handler.OnTurn = (_, _) => Task.FromResult<InvokeResponse?>(new InvokeResponse(409, JsonSerializer.SerializeToElement(new { reason = "stale" })));
        var invoke = TeamsActivities.ExecuteInvoke(_connector.ServiceUrl, "save", new JsonObject());

        using var response = await _bot.PostAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Equal("stale", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_invoke_the_handler_answers_with_nothing_gets_an_empty_200()
    {
        var invoke = TeamsActivities.ExecuteInvoke(_connector.ServiceUrl, "save", new JsonObject());

        using var response = await _bot.PostAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Single(_handler.Turns);
    }

    [Fact]
    public async Task An_invoke_answer_with_an_empty_body_element_is_sent_as_a_bodyless_status()
    {
        _handler.OnTurn = (_, _) => Task.FromResult<InvokeResponse?>(new InvokeResponse(202, default(JsonElement)));
        var invoke = TeamsActivities.ExecuteInvoke(_connector.ServiceUrl, "save", new JsonObject());

        using var response = await _bot.PostAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task In_a_channel_the_bots_own_mention_is_stripped_before_routing()
    {
        using var response = await _bot.PostAsync(TeamsActivities.ChannelMessage(_connector.ServiceUrl, " edit 3 ").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("edit 3", Assert.Single(_handler.Turns).Text);
    }

    [Fact]
    public async Task In_a_group_chat_the_bots_own_mention_is_stripped_but_mentions_of_people_stay()
    {
        var activity = TeamsActivities.GroupChatMessage(_connector.ServiceUrl, "ask <at>สมหญิง</at>");
        activity["entities"]!.AsArray().Add(new JsonObject
        {
            ["mentioned"] = new JsonObject { ["id"] = "29:somying", ["name"] = "สมหญิง" },
            ["text"] = "<at>สมหญิง</at>",
            ["type"] = "mention",
        });

        using var response = await _bot.PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ask <at>สมหญิง</at>", Assert.Single(_handler.Turns).Text);
    }

    [Fact]
    public async Task Without_an_app_id_an_activity_naming_a_remote_service_url_is_refused()
    {
        using var response = await _bot.PostAsync(TeamsActivities.PersonalMessage("https://smba.trafficmanager.net/teams/", "hi").ToJsonString());

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(_handler.Turns);
    }

    [Theory]
    [InlineData("http://localhost:1/_connector")]
    [InlineData("http://127.0.0.2:1/")]
    [InlineData("http://[::1]:1/")]
    public async Task Without_an_app_id_loopback_service_urls_are_accepted(string serviceUrl)
    {
        using var response = await _bot.PostAsync(TeamsActivities.PersonalMessage(serviceUrl, "hi").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_handler.Turns);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
