using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Facilitation;

/// <summary>
/// What a channel test over /api/messages starts from: the real host over a local store (<see cref="BotOverHttpTest"/>)
/// with one configured facilitator who can create a workshop the way a person does (command, set-up card, Create).
/// </summary>
public abstract class ChannelBotTest : BotOverHttpTest
{
    protected string FacilitatorId { get; } = Guid.NewGuid().ToString();

    protected override Dictionary<string, string?> BaseSettings()
    {
        var settings = base.BaseSettings();
        settings["Workshop:Facilitators:0"] = FacilitatorId;
        return settings;
    }

    /// <summary>The configured facilitator, in the test channel.</summary>
    private protected ChannelMember Facilitator(HttpClient http) => new(http, Connector.ServiceUrl, "สมศรี ใจดี", FacilitatorId);

    /// <summary>Creates a workshop from the set-up card and waits for its kickoff card; returns its id.</summary>
    private protected async Task<string> CreateWorkshopAsync(ChannelMember facilitator, string title = "ถอดบทเรียน")
    {
        await facilitator.PostAsync("workshop new");
        var setup = await LastCardCallAsync(FacilitationVerbs.Create);
        var data = AdaptiveCardReader.ExecuteData(setup.Cards.First(), FacilitationVerbs.Create);
        data["title"] = title;
        data["date"] = "2026-11-18";
        var created = await facilitator.PressAsync(FacilitationVerbs.Create, data, "setup-card");
        Assert.Equal("application/vnd.microsoft.card.adaptive", created.GetProperty("type").GetString());
        await LastCardCallAsync(FacilitationVerbs.Join);
        return (string)data["workshopId"]!;
    }

    /// <summary>The latest call to Teams carrying a card with an <paramref name="verb"/> button, once there is one.</summary>
    protected async Task<ConnectorCall> LastCardCallAsync(string verb) =>
        (await Connector.WaitForAsync(calls => calls.Any(c => HasButton(c, verb)))).Last(c => HasButton(c, verb));

    private static bool HasButton(ConnectorCall call, string verb) => call.Cards.Any(card => AdaptiveCardReader.HasExecute(card, verb));
}
