using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Protocol.Tests;

/// <summary>The workshop layer's "please try again" hook decides what a user reads when their turn fails.</summary>
public sealed class TurnErrorHookTests : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new() { OnTurn = (_, _) => throw new InvalidOperationException("boom") };
    private readonly Hook _hook = new();
    private FakeConnector _connector = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await TestBot.StartAsync(_handler, services: services => services.AddSingleton<ITurnErrorHandler>(_hook));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task The_hooks_text_is_sent_to_the_user_after_a_failed_message()
    {
        using var response = await _bot.PostAsync(TeamsActivities.PersonalMessage(_connector.ServiceUrl, "hi").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<InvalidOperationException>(Assert.Single(_hook.Seen));
        Assert.Equal("ลองอีกครั้ง / try again", Assert.Single(_connector.Requests).Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_hooks_text_is_shown_on_the_card_after_a_failed_invoke()
    {
        using var response = await _bot.PostAsync(TeamsActivities.ExecuteInvoke(_connector.ServiceUrl, "save", new JsonObject()).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ลองอีกครั้ง / try again", body.GetProperty("value").GetProperty("message").GetString());
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_hook_that_fails_too_still_leaves_the_channel_with_a_200()
    {
        _hook.Fail = true;

        using var response = await _bot.PostAsync(TeamsActivities.PersonalMessage(_connector.ServiceUrl, "hi").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    private sealed class Hook : ITurnErrorHandler
    {
        public List<Exception> Seen { get; } = [];

        public bool Fail { get; set; }

        public Task<string?> OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken)
        {
            Seen.Add(exception);
            return Fail ? throw new InvalidOperationException("hook broke") : Task.FromResult<string?>("ลองอีกครั้ง / try again");
        }
    }
}
