using System.Net;
using System.Text.RegularExpressions;
using SocialProtection.Bot.EndToEnd.Tests.Facilitation;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.DataRights;

/// <summary>
/// Issue 17, item 4: with Bot:PublicBaseUrl not set and the bot on a port of its own (BOT_PORT), the report card's
/// download links point where the bot was reached (the /api/messages request), not at 127.0.0.1:3978, and they download.
/// </summary>
public sealed partial class DownloadLinkBaseOverHttpTests : IAsyncLifetime
{
    private readonly string _storeFolder = Directory.CreateTempSubdirectory("links-http-").FullName;
    private readonly string _facilitatorId = Guid.NewGuid().ToString();
    private RecordingConnector? _connector;
    private BotHost? _bot;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        var settings = BotHost.LocalStore(_storeFolder);
        settings["Workshop:Facilitators:0"] = _facilitatorId;
        settings["Bot:PublicBaseUrl"] = "";
        settings["WEBSITE_HOSTNAME"] = "";
        _bot = await BotHost.StartAsync(settings, FreePort.Next());
    }

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
        try
        {
            Directory.Delete(_storeFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Report_links_point_at_the_port_the_bot_was_reached_on_and_download()
    {
        var connector = _connector!;
        var bot = _bot!;
        Assert.NotEqual(3978, bot.BaseAddress.Port);
        using var http = bot.CreateClient();
        var facilitator = new ChannelMember(http, connector.ServiceUrl, "สมศรี ใจดี", _facilitatorId);
        await facilitator.PostAsync("workshop new");
        var setup = (await connector.WaitForAsync(calls => calls.Any(c => c.Cards.Any(card => AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Create)))))
            .First(c => c.Cards.Any(card => AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Create)));
        var data = AdaptiveCardReader.ExecuteData(setup.Cards.First(), FacilitationVerbs.Create);
        data["title"] = "ถอดบทเรียน";
        data["date"] = "2026-11-18";
        await facilitator.PressAsync(FacilitationVerbs.Create, data, "setup-card");
        await connector.WaitForAsync(calls => calls.Any(c => c.Cards.Any(card => AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Join))));

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
