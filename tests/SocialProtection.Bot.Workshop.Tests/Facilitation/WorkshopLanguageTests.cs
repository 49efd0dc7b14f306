using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>The workshop's language is chosen on the set-up card; participants read it until they choose their own (issue 17, item 6).</summary>
public sealed class WorkshopLanguageTests : IAsyncDisposable
{
    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task The_set_up_card_offers_the_language_and_Thai_is_chosen_unless_changed()
    {
        var card = await _world.SetupCardAsync(Person.Facilitator);

        Assert.Contains("\"id\":\"language\"", card.GetRawText(), StringComparison.Ordinal);
        var thai = await _world.CreateWorkshopAsync();
        Assert.Equal("th", thai.Language);
    }

    [Fact]
    public async Task A_workshop_set_up_in_English_asks_its_participants_in_English()
    {
        var workshop = await _world.CreateWorkshopAsync(language: FacilitationFields.English);

        await _world.JoinAsync(Person.Alice, workshop, "g1");

        Assert.Equal("en", workshop.Language);
        Assert.Contains("Question 1 / 11", CardJson.Text(_world.PersonalCards(Person.Alice)[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_language_is_refused_and_no_workshop_is_created()
    {
        var card = await _world.SetupCardAsync(Person.Facilitator);
        var data = BotWorld.ButtonData(card, FacilitationVerbs.Create, new Dictionary<string, string>
        {
            [FacilitationFields.Title] = "Workshop",
            [FacilitationFields.Date] = "2026-11-18",
            [FacilitationFields.Language] = "fr",
        });

        await _world.Press(Person.Facilitator, FacilitationVerbs.Create, data);

        Assert.Null(await _world.Workshop((string)data[FacilitationFields.WorkshopId]!));
    }
}
