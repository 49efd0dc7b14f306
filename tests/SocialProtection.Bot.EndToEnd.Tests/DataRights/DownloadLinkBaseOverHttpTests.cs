using System.Net;
using System.Text.RegularExpressions;
using SocialProtection.Bot.EndToEnd.Tests.Facilitation;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.DataRights;

/// <summary>
/// Issue 17, item 4: with Bot:PublicBaseUrl not set and the bot on a port of its own (BOT_PORT), the report card's
/// download links point where the bot was reached (the /api/messages request), not at 127.0.0.1:3978, and they download.
/// </summary>
public sealed partial class DownloadLinkBaseOverHttpTests : ChannelBotTest
{
    private readonly int _port = FreePort.Next();

    protected override int? BotPort => _port;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Bot:PublicBaseUrl"] = "";
        settings["WEBSITE_HOSTNAME"] = "";
    }

    [Fact]
    public async Task Report_links_point_at_the_port_the_bot_was_reached_on_and_download()
    {
        var connector = Connector;
        var bot = Bot;
        Assert.NotEqual(3978, bot.BaseAddress.Port);
        using var http = bot.CreateClient();
        var facilitator = Facilitator(http);
        await CreateWorkshopAsync(facilitator);

        var before = connector.Calls.Count;
        await facilitator.PostAsync("report");
        var calls = await connector.WaitForAsync(c => c.Skip(before).Any(call => call.Cards.Any(card => AdaptiveCardReader.Text(card).Contains("/downloads/", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(60));
        var text = string.Join("\n", calls.Skip(before).SelectMany(c => c.Cards).Select(AdaptiveCardReader.Text));
        var links = LinkPattern().Matches(text).Select(m => new Uri(m.Groups[1].Value)).ToList();

        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.Equal(bot.BaseAddress.Authority, link.Authority));
        Assert.DoesNotContain(":3978", text, StringComparison.Ordinal);
        using var response = await http.GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex(@"\((https?://[^)\s]+/downloads/[^)\s]+)\)")]
    private static partial Regex LinkPattern();
}
