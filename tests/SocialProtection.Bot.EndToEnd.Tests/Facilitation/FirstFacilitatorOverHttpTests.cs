using System.Net;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Facilitation;

/// <summary>
/// Issue 17 item 1 through /api/messages on the real host (local mode): out of the box someone can create a workshop;
/// once facilitators are configured, whoever installs the bot in a team is one there, and others are told whom to ask.
/// </summary>
public sealed class FirstFacilitatorOverHttpTests : IAsyncLifetime
{
    private readonly string _storeFolder = Directory.CreateTempSubdirectory("first-facilitator-http-").FullName;
    private RecordingConnector? _connector;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync()
    {
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
    public async Task In_local_mode_with_nobody_configured_anyone_can_create_a_workshop()
    {
        await using var bot = await BotHost.StartAsync(BotHost.LocalStore(_storeFolder));
        using var http = bot.CreateClient();
        var anyone = new ChannelMember(http, _connector!.ServiceUrl, "Anan Wongsawat", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.OK, (await anyone.PostAsync("สร้างเวิร์กชอป")).StatusCode);

        var setup = await _connector.WaitForAsync(calls => calls.Any(c => c.Cards.Any(card => AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Create))));
        Assert.DoesNotContain(setup, c => (c.Text ?? "").Contains("Only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_facilitators_configured_the_installer_creates_workshops_and_others_are_told_whom_to_ask()
    {
        var settings = BotHost.LocalStore(_storeFolder);
        settings["Workshop:Facilitators:0"] = Guid.NewGuid().ToString();
        await using var bot = await BotHost.StartAsync(settings);
        using var http = bot.CreateClient();
        var installer = new ChannelMember(http, _connector!.ServiceUrl, "มาลี รุ่งเรือง", Guid.NewGuid().ToString());
        var other = new ChannelMember(http, _connector.ServiceUrl, "Anan Wongsawat", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.OK, (await installer.InstallAsync()).StatusCode);
        await _connector.WaitForAsync(calls => calls.Any(c => (c.Text ?? "").Contains("workshop new", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("workshop new")).StatusCode);
        var refusal = (await _connector.WaitForAsync(calls => calls.Any(c => (c.Text ?? "").Contains("Only facilitators can create", StringComparison.Ordinal))))
            .First(c => (c.Text ?? "").Contains("Only facilitators can create", StringComparison.Ordinal)).Text!;
        Assert.Equal(HttpStatusCode.OK, (await installer.PostAsync("workshop new")).StatusCode);

        Assert.Contains("เฉพาะวิทยากรกระบวนการเท่านั้นที่สร้างเวิร์กชอปที่นี่ได้", refusal, StringComparison.Ordinal);
        Assert.Contains("มาลี รุ่งเรือง", refusal, StringComparison.Ordinal);
        Assert.Contains("facilitator add @your name", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("this workshop", refusal, StringComparison.OrdinalIgnoreCase);
        await _connector.WaitForAsync(calls => calls.Any(c => c.Cards.Any(card => AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Create))));
    }
}
