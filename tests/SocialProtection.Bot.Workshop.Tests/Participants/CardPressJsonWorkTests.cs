using System.Text.Json;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Tests.Facilitation;
using SocialProtection.Bot.Workshop.Tests.TestBot;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>
/// A press costs one read of its data and one serialisation per card it shows: the router reads the data into the
/// record the card wrote and hands it on, and a card measured for Teams' size limit is sent as the JSON measured.
/// </summary>
public sealed class CardPressJsonWorkTests : IAsyncDisposable
{
    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData(CardVerbs.Answer, "government")]
    [InlineData(CardVerbs.Later, null)]
    public async Task A_participant_press_reads_its_data_once_and_serialises_each_card_it_shows_once(string verb, string? answer)
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop, "g1");
        var question = Assert.Single(_world.PersonalCards(Person.Alice));

        using var counting = CardJsonCounts.Begin();
        var turn = await _world.Execute(Person.Alice, question, verb, answer, cardMessageId: "personal-card");

        var shown = CardsIn(turn.PressedCard) + turn.Calls.Sum(c => c.Activity.Attachments?.Sum(a => CardsIn(a.Content)) ?? 0);
        Assert.True(shown >= 1, "the press shows at least the card it replaces");
        Assert.Equal(1, counting.Counts.DataReads);
        Assert.Equal(shown, counting.Counts.CardsSerialised);
    }

    /// <summary>How many Adaptive Cards a piece of JSON holds, nested ones (Action.ShowCard) included.</summary>
    private static int CardsIn(JsonElement? json)
    {
        if (json is not { } element)
        {
            return 0;
        }
        return element.ValueKind switch
        {
            JsonValueKind.Object => (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "AdaptiveCard" ? 1 : 0)
                + element.EnumerateObject().Sum(p => CardsIn(p.Value)),
            JsonValueKind.Array => element.EnumerateArray().Sum(e => CardsIn(e)),
            _ => 0,
        };
    }
}
