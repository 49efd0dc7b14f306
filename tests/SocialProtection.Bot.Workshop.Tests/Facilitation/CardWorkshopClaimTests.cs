using System.Text.Json.Nodes;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>
/// Participants' cards name the workshop they belong to, so a press goes straight to the participant's record there
/// instead of first reading which workshop the user is in (the name is only a claim), and an answer to the record the
/// bot saw last is written without reading it again (the conditional write makes that safe).
/// </summary>
public sealed class CardWorkshopClaimTests : IAsyncDisposable
{
    private readonly BotWorld _world = new();

    private SwitchableStore Store => _world.Store;

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Answering_the_next_question_costs_one_write_and_no_read()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop, "g1");
        var question = Assert.Single(_world.PersonalCards(Person.Alice));
        Assert.Equal(workshop.Id, CardJson.ActionData(question, CardVerbs.Answer).GetProperty("workshop").GetString());
        Store.KeysRead.Clear();
        var writes = Store.Writes;

        var turn = await _world.Execute(Person.Alice, question, CardVerbs.Answer, "government", cardMessageId: "personal-card");

        Assert.NotNull(turn.PressedCard);
        Assert.Empty(Store.KeysRead);
        Assert.Equal(writes + 1, Store.Writes);
        Assert.Equal(["government"], _world.Stored(Person.Alice, workshop.Id)!.Answers["organisationType"].Choices);
    }

    [Fact]
    public async Task Two_instances_of_the_bot_answering_in_turn_keep_every_answer_in_its_place()
    {
        await using var other = _world.AnotherInstance();
        await _world.Say(Person.Alice, "เริ่ม");
        await _world.Execute(Person.Alice, _world.PersonalCards(Person.Alice)[^1], CardVerbs.Answer, "government", cardMessageId: "personal-card");
        var second = _world.PersonalCards(Person.Alice)[^1];

        // The second answer goes through the other instance; this one still remembers the record before it.
        await other.Execute(Person.Alice, second, CardVerbs.Answer, "เครือข่ายระดับตำบลทำงานร่วมกันได้ดี", cardMessageId: "personal-card");
        var typed = await _world.Say(Person.Alice, "งบประมาณกระจัดกระจาย");

        Assert.NotEmpty(typed.Posts);
        var record = _world.Stored(Person.Alice, BotWorld.DefaultWorkshopId)!;
        Assert.Equal(["government"], record.Answers["organisationType"].Choices);
        Assert.Equal("เครือข่ายระดับตำบลทำงานร่วมกันได้ดี", record.Answers["goodPractices"].Text);
        Assert.Equal("งบประมาณกระจัดกระจาย", record.Answers["obstacles"].Text);
    }

    [Fact]
    public async Task A_card_from_an_earlier_workshop_answers_into_that_workshop()
    {
        var first = await _world.CreateWorkshopAsync(title: "First");
        var second = await _world.CreateWorkshopAsync(title: "Second");
        await _world.JoinAsync(Person.Alice, first, "g1");
        var firstQuestion = Assert.Single(_world.PersonalCards(Person.Alice));
        await _world.JoinAsync(Person.Alice, second, "g1");

        await _world.Execute(Person.Alice, firstQuestion, CardVerbs.Answer, "government", cardMessageId: "personal-card");

        Assert.Equal(["government"], _world.Stored(Person.Alice, first.Id)!.Answers["organisationType"].Choices);
        Assert.Empty(_world.Stored(Person.Alice, second.Id)!.Answers);
    }

    [Fact]
    public async Task A_workshop_forged_into_card_data_is_not_trusted_the_joined_workshop_is_used()
    {
        var joined = await _world.CreateWorkshopAsync(title: "Joined");
        var other = await _world.CreateWorkshopAsync(title: "Someone else's");
        await _world.JoinAsync(Person.Alice, joined, "g1");
        var question = Assert.Single(_world.PersonalCards(Person.Alice));
        var forged = JsonNode.Parse(CardJson.ActionData(question, CardVerbs.Answer).GetRawText())!.AsObject();
        forged["workshop"] = other.Id;
        forged[CardDataFields.Answer] = "government";

        var turn = await _world.Execute(Person.Alice, CardVerbs.Answer, forged, cardMessageId: "personal-card");

        Assert.NotNull(turn.PressedCard);
        Assert.Null(_world.Stored(Person.Alice, other.Id));
        Assert.Equal(["government"], _world.Stored(Person.Alice, joined.Id)!.Answers["organisationType"].Choices);
    }

    [Theory]
    [InlineData("../../users/x")]
    [InlineData("")]
    [InlineData(42)]
    public async Task A_malformed_workshop_in_card_data_is_refused_and_nothing_is_written(object value)
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop, "g1");
        var question = Assert.Single(_world.PersonalCards(Person.Alice));
        var data = JsonNode.Parse(CardJson.ActionData(question, CardVerbs.Answer).GetRawText())!.AsObject();
        data["workshop"] = JsonValue.Create(value);
        data[CardDataFields.Answer] = "government";
        var before = await _world.SnapshotAsync();

        var turn = await _world.Execute(Person.Alice, CardVerbs.Answer, data, cardMessageId: "personal-card");

        Assert.Equal(400, turn.InvokeStatus);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task Closing_a_workshop_stops_presses_on_its_cards_at_once()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop, "g1");
        var question = Assert.Single(_world.PersonalCards(Person.Alice));
        await _world.Execute(Person.Alice, question, CardVerbs.Answer, "government", cardMessageId: "personal-card");
        await _world.SayInChannel(Person.Facilitator, "close");
        var before = await _world.SnapshotAsync();

        var turn = await _world.Execute(Person.Alice, question, CardVerbs.Answer, "civilSociety", cardMessageId: "personal-card");

        Assert.Equal(403, turn.InvokeStatus);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task A_workshop_closed_through_another_instance_refuses_presses_here_once_the_recent_copy_is_old()
    {
        await using var other = _world.AnotherInstance();
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop, "g1");
        var question = Assert.Single(_world.PersonalCards(Person.Alice));

        await other.SayInChannel(Person.Facilitator, "close");
        _world.Time.Advance(WorkshopStore.RecentCopyLifetime);
        var before = await _world.SnapshotAsync();
        var turn = await _world.Execute(Person.Alice, question, CardVerbs.Answer, "government", cardMessageId: "personal-card");

        Assert.Equal(403, turn.InvokeStatus);
        Assert.Equal(before, await _world.SnapshotAsync());
    }
}
