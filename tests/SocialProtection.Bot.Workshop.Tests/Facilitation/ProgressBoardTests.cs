using SocialProtection.Bot.TestSupport;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class ProgressBoardTests : IAsyncDisposable
{
    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Progress_shows_per_group_how_many_joined_started_and_submitted()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.PutParticipantAsync(workshop.Id, Person.Alice.AadObjectId, SeedRecords.Started(workshop.Id, Person.Alice.AadObjectId, "g1"));
        await _world.PutParticipantAsync(workshop.Id, Person.Bob.AadObjectId, SeedRecords.Submitted(workshop.Id, Person.Bob.AadObjectId, "g1", "a", "b"));
        await _world.PutParticipantAsync(workshop.Id, Person.Carol.AadObjectId, SeedRecords.Joined(workshop.Id, Person.Carol.AadObjectId, "g2"));

        var turn = await _world.SayInChannel(Person.Facilitator, "ความคืบหน้า");

        var post = Assert.Single(turn.Posts, p => p.ConversationId == BotWorld.ChannelId);
        var card = Assert.Single(post.Cards);
        var facts = Facts(card);
        Assert.Equal("เข้าร่วม 2 · เริ่มตอบ 2 · ส่งแล้ว 1 / joined 2 · started 2 · submitted 1", facts["กลุ่มนโยบาย"]);
        Assert.Equal("เข้าร่วม 1 · เริ่มตอบ 0 · ส่งแล้ว 0 / joined 1 · started 0 · submitted 0", facts["กลุ่มกลไกขับเคลื่อน"]);
        Assert.Equal("เข้าร่วม 3 · เริ่มตอบ 2 · ส่งแล้ว 1 / joined 3 · started 2 · submitted 1", facts["**รวม / Total**"]);
        Assert.Equal(post.Id, (await _world.Workshop(workshop.Id))!.ProgressActivityId);
    }

    [Fact]
    public async Task The_progress_card_refreshes_on_request_only_and_has_a_refresh_button()
    {
        var workshop = await _world.CreateWorkshopAsync();

        var card = Assert.Single((await _world.SayInChannel(Person.Facilitator, "progress")).Posts.SelectMany(p => p.Cards));

        var refresh = card.GetProperty("refresh");
        Assert.Empty(refresh.GetProperty("userIds").EnumerateArray());
        Assert.Equal(FacilitationVerbs.RefreshProgress, refresh.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal(workshop.Id, refresh.GetProperty("action").GetProperty("data").GetProperty("workshopId").GetString());
        Assert.Equal("Action.Execute", refresh.GetProperty("action").GetProperty("type").GetString());
        Assert.True(CardJson.HasAction(card, FacilitationVerbs.RefreshProgress));
        Assert.Equal("1.5", card.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Posting_progress_again_updates_the_same_card_instead_of_posting_another()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.SayInChannel(Person.Facilitator, "progress");
        var first = (await _world.Workshop(workshop.Id))!.ProgressActivityId;
        await _world.PutParticipantAsync(workshop.Id, Person.Alice.AadObjectId, SeedRecords.Started(workshop.Id, Person.Alice.AadObjectId, "g2"));

        var again = await _world.SayInChannel(Person.Facilitator, "progress");

        var update = Assert.Single(again.Calls, c => c.Method == "PUT");
        Assert.Equal(first, update.ActivityId);
        Assert.Equal(BotWorld.ChannelId, update.ConversationId);
        Assert.Equal("เข้าร่วม 1 · เริ่มตอบ 1 · ส่งแล้ว 0 / joined 1 · started 1 · submitted 0", Facts(update.Cards[0])["กลุ่มกลไกขับเคลื่อน"]);
        Assert.DoesNotContain(again.Posts, p => p.ConversationId == BotWorld.ChannelId);
        Assert.Contains("The progress card is updated", Assert.Single(again.Texts), StringComparison.Ordinal);
        Assert.Equal(2, _world.Teams.PostsTo(BotWorld.ChannelId).Count); // the kickoff and one progress card
    }

    [Fact]
    public async Task When_the_earlier_progress_card_is_gone_a_new_one_is_posted_and_remembered()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.SayInChannel(Person.Facilitator, "progress");
        var first = (await _world.Workshop(workshop.Id))!.ProgressActivityId!;
        _world.Teams.Gone[first] = true;

        var again = await _world.SayInChannel(Person.Facilitator, "progress");

        var post = Assert.Single(again.Posts, p => p.ConversationId == BotWorld.ChannelId);
        Assert.Equal(post.Id, (await _world.Workshop(workshop.Id))!.ProgressActivityId);
    }

    [Fact]
    public async Task Refresh_answers_a_facilitator_with_the_recounted_card_and_updates_it_for_everyone()
    {
        var workshop = await _world.CreateWorkshopAsync();
        var card = Assert.Single((await _world.SayInChannel(Person.Facilitator, "progress")).Posts.SelectMany(p => p.Cards));
        var id = (await _world.Workshop(workshop.Id))!.ProgressActivityId;
        await _world.PutParticipantAsync(workshop.Id, Person.Alice.AadObjectId, SeedRecords.Submitted(workshop.Id, Person.Alice.AadObjectId, "g1", "a", "b"));

        var turn = await _world.Press(Person.Facilitator, FacilitationVerbs.RefreshProgress,
            BotWorld.ButtonData(card, FacilitationVerbs.RefreshProgress), replyToId: id);

        Assert.Equal("เข้าร่วม 1 · เริ่มตอบ 1 · ส่งแล้ว 1 / joined 1 · started 1 · submitted 1", Facts(turn.PressedCard!.Value)["กลุ่มนโยบาย"]);
        Assert.Equal(id, Assert.Single(turn.Calls, c => c.Method == "PUT").ActivityId);
    }

    [Fact]
    public async Task A_refresh_for_a_workshop_of_another_channel_is_refused()
    {
        var workshop = await _world.CreateWorkshopAsync();

        var turn = await _world.Press(Person.Facilitator, FacilitationVerbs.RefreshProgress, new JsonObject { ["workshopId"] = workshop.Id },
            channelId: BotWorld.OtherChannelId);

        Assert.Equal(404, turn.InvokeStatus);
        Assert.Null(turn.PressedCard);
    }

    [Fact]
    public async Task Progress_without_a_workshop_tells_the_facilitator_how_to_create_one()
    {
        var turn = await _world.SayInChannel(Person.Facilitator, "progress");

        Assert.Contains("workshop new", Assert.Single(turn.Texts), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Facts(JsonElement card) => AdaptiveCardReader.Elements(card)
        .Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "FactSet")
        .SelectMany(e => e.GetProperty("facts").EnumerateArray())
        .ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString()!);
}
