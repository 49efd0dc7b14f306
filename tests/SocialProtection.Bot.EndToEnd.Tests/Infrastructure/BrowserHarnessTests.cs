using System.Text.Json.Nodes;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Infrastructure;

/// <summary>The browser harness, proven against the in-test echo bot: the card really renders and its buttons work.</summary>
public sealed class BrowserHarnessTests(EchoBotPlaygroundFixture fixture) : IClassFixture<EchoBotPlaygroundFixture>
{
    [BrowserFact]
    public async Task Card_reply_renders_in_the_Playground_and_its_Execute_button_replaces_it()
    {
        var message = "สวัสดี browser " + Guid.NewGuid().ToString("N")[..6];

        var run = await BrowserSession.RunScenarioAsync("personal-chat-card", fixture.Playground.BaseAddress, new JsonObject
        {
            ["message"] = message,
            ["expectText"] = "Echo: " + message,
            ["buttonTitle"] = EchoCardBot.FlipTitle,
            ["inputs"] = new JsonObject { ["Write a note"] = "typed in the browser" },
            ["expectAfterClick"] = "Flipped: " + message,
        });

        Assert.True(run.Result.GetProperty("replyIsCard").GetBoolean());
        Assert.Contains(EchoCardBot.SubmitTitle, run.Result.GetProperty("replyText").GetString(), StringComparison.Ordinal);
        Assert.Equal("Flipped: " + message, run.Result.GetProperty("afterClickText").GetString());
        var invoke = fixture.Bot.Received.Single(a => (string?)a["type"] == "invoke");
        Assert.Equal(EchoCardBot.FlipVerb, (string?)invoke["value"]?["action"]?["verb"]);
        Assert.Equal("typed in the browser", (string?)invoke["value"]?["action"]?["data"]?[EchoCardBot.NoteInputId]);
        Assert.Equal(2, run.Screenshots.Count);
        Assert.All(run.Screenshots, path => Assert.True(new FileInfo(path).Length > 10_000, $"{path} is not a real screenshot"));
    }
}
