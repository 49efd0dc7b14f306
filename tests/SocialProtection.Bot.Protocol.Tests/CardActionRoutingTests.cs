using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;

namespace SocialProtection.Bot.Protocol.Tests;

/// <summary>One card handler serves both Action.Execute (invoke) and Action.Submit (message) presses, end to end.</summary>
public sealed class CardActionRoutingTests : IAsyncLifetime
{
    private readonly List<CardAction<SavedAnswer>> _actions = [];
    private FakeConnector _connector = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        var router = new ActivityRouter()
            .OnCardAction<SavedAnswer>("save", (turn, action, ct) =>
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
        Assert.Equal("ดี", action.Data.Answer);
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
        Assert.Equal("ดี", action.Data.Answer);
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

    [Theory]
    [InlineData("{\"questionId\":\"q1\",\"answer\":\"ดี\",\"userId\":\"someone-else\"}")]
    [InlineData("{\"questionId\":\"q1\",\"answer\":5}")]
    [InlineData("{\"questionId\":\"\",\"answer\":\"ดี\"}")]
    [InlineData("{\"verb\":\"delete\",\"questionId\":\"q1\"}")]
    [InlineData("{\"questionId\":[\"q1\"]}")]
    public async Task A_press_whose_data_is_not_the_record_the_card_wrote_is_refused_before_the_handler(string data)
    {
        var invoke = TeamsActivities.ExecuteInvoke(_connector.ServiceUrl, "save", JsonNode.Parse(data)!.AsObject());

        using var response = await _bot.PostAsync(invoke.ToJsonString());

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("InvalidCardData", body.GetProperty("value").GetProperty("code").GetString());
        Assert.Empty(_actions);
    }

    [Theory]
    [InlineData("{\"questionId\":\"q1\",\"answer\":\"ดี\",\"answer\":\"แย่\"}")]
    [InlineData("{\"questionId\":\"q1\",\"QuestionId\":\"q2\"}")]
    [InlineData("{\"questionId\":\"q1\",\"rev\":1}")]
    [InlineData("{\"questionId\":\"q1\",\"msteams\":{\"type\":\"messageBack\"},\"verb\":\"save\",\"answer\":\"\\u0000\",\"x\":1}")]
    [InlineData("[]")]
    [InlineData("\"save\"")]
    public void Card_data_is_read_strictly(string data)
    {
        Assert.False(CardDataJson.TryRead<SavedAnswer>(JsonDocument.Parse(data).RootElement, "save", out _));
    }

    [Fact]
    public void Card_data_reads_back_what_the_card_wrote_and_ignores_Teams_own_block()
    {
        var written = JsonNode.Parse(CardDataJson.Write(new SavedAnswer { QuestionId = "q1" }, "save").GetRawText())!.AsObject();
        written["answer"] = "ดี";
        written["msteams"] = new JsonObject { ["type"] = "messageBack" };

        Assert.True(CardDataJson.TryRead<SavedAnswer>(JsonSerializer.SerializeToElement(written), "save", out var read));
        Assert.Equal(new SavedAnswer { Verb = "save", QuestionId = "q1", Answer = "ดี" }, read with { Teams = null });
    }

    [Fact]
    public async Task A_press_reads_its_data_once_and_a_card_is_serialised_once()
    {
        var invoke = TeamsActivities.ExecuteInvoke(_connector.ServiceUrl, "save", new JsonObject { ["questionId"] = "q1", ["answer"] = "ดี" });
        var router = new ActivityRouter().OnCardAction<SavedAnswer>("save", (turn, action, ct) =>
        {
            var card = new AdaptiveCard { Body = [new TextBlock(action.Data.Answer ?? "")] };
            Assert.True(AdaptiveCardJson.Utf16ByteCount(card) > 0);
            return Task.FromResult(CardActionResult.Replace(card.ToAttachment()));
        });
        var activity = JsonSerializer.Deserialize<Activity>(invoke.ToJsonString(), ProtocolJson.Options)!;

        using var scope = CardJsonCounts.Begin();
        var response = await router.OnTurnAsync(new InvokeOnlyTurn(activity), CancellationToken.None);

        Assert.Equal(200, response!.Status);
        Assert.Equal(1, scope.Counts.DataReads);
        Assert.Equal(1, scope.Counts.CardsSerialised);
    }

    /// <summary>An invoke's turn: its answer is the invoke response, so nothing may be sent.</summary>
    private sealed class InvokeOnlyTurn(Activity activity) : SocialProtection.Bot.Protocol.Turns.ITurnContext
    {
        public Activity Activity { get; } = activity;

        public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ConversationReference GetConversationReference() => ConversationReference.FromIncoming(Activity);
    }

    private sealed record SavedAnswer : CardData
    {
        public string? QuestionId { get; init; }
        public string? Answer { get; init; }

        public override bool IsWellFormed() => QuestionId is null or { Length: > 0 };
    }
}
