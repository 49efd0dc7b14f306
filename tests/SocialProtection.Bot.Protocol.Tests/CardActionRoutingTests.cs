using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;

namespace SocialProtection.Bot.Protocol.Tests;

/// <summary>One card handler serves both Action.Execute (invoke) and Action.Submit (message) presses, end to end.</summary>
public sealed class CardActionRoutingTests : IAsyncLifetime
{
    private readonly List<CardAction> _actions = [];
    private FakeConnector _connector = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        var router = new ActivityRouter()
            .OnCardAction("save", (turn, action, ct) =>
            {
                lock (_actions)
                {
                    _actions.Add(action);
                }
                var card = new Attachment
                {
                    ContentType = Attachment.AdaptiveCardContentType,
                    Content = JsonSerializer.SerializeToElement(new { type = "AdaptiveCard", version = "1.5", body = new[] { new { type = "TextBlock", text = "บันทึกแล้ว" } } }),
                };
                return Task.FromResult(CardActionResult.Replace(card));
            });
        _bot = await TestBot.StartAsync(router);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task An_Execute_press_reaches_the_verbs_handler_and_the_card_is_replaced_in_the_invoke_answer()
    {
        var invoke = TeamsActivities.ExecuteInvoke(_connector.ServiceUrl, "save", new JsonObject { ["questionId"] = "q1", ["answer"] = "ดี" });

        using var response = await _bot.PostAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(AdaptiveCardInvokeResponses.CardType, body.GetProperty("type").GetString());
        Assert.Equal("บันทึกแล้ว", body.GetProperty("value").GetProperty("body")[0].GetProperty("text").GetString());
        var action = Assert.Single(_actions);
        Assert.Equal(CardActionSource.Execute, action.Source);
        Assert.Equal("ดี", action.Data.GetProperty("answer").GetString());
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_Submit_press_reaches_the_same_handler_and_the_card_message_is_updated_in_place()
    {
        var submit = TeamsActivities.SubmitMessage(_connector.ServiceUrl, new JsonObject { ["verb"] = "save", ["questionId"] = "q1", ["answer"] = "ดี" });

        using var response = await _bot.PostAsync(submit.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var action = Assert.Single(_actions);
        Assert.Equal(CardActionSource.Submit, action.Source);
        Assert.Equal("ดี", action.Data.GetProperty("answer").GetString());
        var update = Assert.Single(_connector.Requests);
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/1741064700000", update.RawTarget, StringComparison.Ordinal);
        Assert.Equal(Attachment.AdaptiveCardContentType, update.Json.GetProperty("attachments")[0].GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task A_press_with_a_verb_nobody_handles_is_refused_on_the_card()
    {
        var invoke = TeamsActivities.ExecuteInvoke(_connector.ServiceUrl, "deleteEverything", new JsonObject());

        using var response = await _bot.PostAsync(invoke.ToJsonString());

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(AdaptiveCardInvokeResponses.ErrorType, body.GetProperty("type").GetString());
        Assert.Empty(_actions);
    }
}
