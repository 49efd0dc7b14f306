using System.Net;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Facilitation;

/// <summary>
/// Issue 17 item 1 through /api/messages on the real host (local mode): once facilitators are configured, whoever
/// installs the bot in a team is one there, and others are told whom to ask (with nobody configured see
/// <see cref="NobodyConfiguredOverHttpTests"/>).
/// </summary>
public sealed class FirstFacilitatorOverHttpTests : ChannelBotTest
{
    [Fact]
    public async Task With_facilitators_configured_the_installer_creates_workshops_and_others_are_told_whom_to_ask()
    {
        var connector = Connector;
        using var http = Bot.CreateClient();
        var installer = new ChannelMember(http, connector.ServiceUrl, "มาลี รุ่งเรือง", Guid.NewGuid().ToString());
        var other = new ChannelMember(http, connector.ServiceUrl, "Anan Wongsawat", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.OK, (await installer.InstallAsync()).StatusCode);
        await connector.WaitForAsync(calls => calls.Any(c => (c.Text ?? "").Contains("workshop new", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("workshop new")).StatusCode);
        var refusal = (await connector.WaitForAsync(calls => calls.Any(c => (c.Text ?? "").Contains("Only facilitators can create", StringComparison.Ordinal))))
            .First(c => (c.Text ?? "").Contains("Only facilitators can create", StringComparison.Ordinal)).Text!;
        Assert.Equal(HttpStatusCode.OK, (await installer.PostAsync("workshop new")).StatusCode);

        Assert.Contains("เฉพาะวิทยากรกระบวนการเท่านั้นที่สร้างเวิร์กชอปที่นี่ได้", refusal, StringComparison.Ordinal);
        Assert.Contains("มาลี รุ่งเรือง", refusal, StringComparison.Ordinal);
        Assert.Contains("facilitator add @your name", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("this workshop", refusal, StringComparison.OrdinalIgnoreCase);
        await connector.WaitForAsync(calls => calls.Any(c => c.Cards.Any(card => AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Create))));
    }
}
