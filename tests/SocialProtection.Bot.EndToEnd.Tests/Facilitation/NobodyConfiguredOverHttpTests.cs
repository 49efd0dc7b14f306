using System.Net;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Facilitation;

/// <summary>Issue 17 item 1 through /api/messages on the real host (local mode): out of the box someone can create a workshop.</summary>
public sealed class NobodyConfiguredOverHttpTests : ChannelBotTest
{
    protected override void Configure(Dictionary<string, string?> settings) => settings.Remove("Workshop:Facilitators:0");

    [Fact]
    public async Task In_local_mode_with_nobody_configured_anyone_can_create_a_workshop()
    {
        using var http = Bot.CreateClient();
        var anyone = new ChannelMember(http, Connector.ServiceUrl, "Anan Wongsawat", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.OK, (await anyone.PostAsync("สร้างเวิร์กชอป")).StatusCode);

        var setup = await Connector.WaitForAsync(calls => calls.Any(c => c.Cards.Any(card => AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Create))));
        Assert.DoesNotContain(setup, c => (c.Text ?? "").Contains("Only", StringComparison.Ordinal));
    }
}
