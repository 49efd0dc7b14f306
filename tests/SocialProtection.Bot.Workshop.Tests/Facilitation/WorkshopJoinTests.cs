using System.Net;
using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Users;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class WorkshopJoinTests : IAsyncDisposable
{
    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Answer_opens_the_personal_chat_with_the_tenant_and_sends_the_first_question_there()
    {
        var workshop = await _world.CreateWorkshopAsync();

        var turn = await _world.JoinAsync(Person.Alice, workshop, "g2");

        Assert.Equal("เปิดคำถามในแชทส่วนตัวแล้ว / Questions opened in your personal chat", turn.InvokeText);
        var created = Assert.Single(_world.Teams.Created);
        Assert.Equal(BotWorld.TenantId, created.TenantId);
        Assert.Equal(BotWorld.TenantId, created.ChannelData!.Tenant!.Id);
        Assert.Equal(Person.Alice.TeamsId, Assert.Single(created.Members!).Id);
        Assert.Equal(BotWorld.BotId, created.Bot!.Id);
        Assert.False(created.IsGroup);
        var chat = FakeTeams.PersonalChatOf(Person.Alice.TeamsId);
        var question = Assert.Single(_world.PersonalCards(Person.Alice));
        Assert.Equal("organisationType", CardJson.ActionData(question, CardVerbs.Answer).GetProperty("questionId").GetString());
        Assert.DoesNotContain(turn.Posts, p => p.ConversationId.StartsWith(BotWorld.ChannelId, StringComparison.Ordinal));
        Assert.All(turn.Posts, p => Assert.Equal(chat, p.ConversationId));

        var record = _world.Stored(Person.Alice, workshop.Id);
        Assert.Equal("g2", record!.GroupId);
        Assert.Equal(Person.Alice.AadObjectId, record.UserKey);
        Assert.Null(record.DisplayName);
        Assert.Equal(ParticipantStatus.InProgress, record.Status);
        Assert.Null(_world.Stored(Person.Alice, BotWorld.DefaultWorkshopId));
    }

    [Fact]
    public async Task A_join_reads_and_writes_the_profile_and_the_record_once_each_and_the_record_claims_the_stored_chat_at_once()
    {
        var workshop = await _world.CreateWorkshopAsync();
        var profileKey = UserProfileStore.Key(Person.Alice.AadObjectId);
        var recordKey = WorkshopKeys.Participant(workshop.Id, Person.Alice.AadObjectId);
        _world.Store.KeysRead.Clear();
        _world.Store.KeysWritten.Clear();

        await _world.JoinAsync(Person.Alice, workshop, "g2");

        Assert.Equal(1, _world.Store.KeysRead.Count(k => k == profileKey));
        Assert.Equal(1, _world.Store.KeysRead.Count(k => k == recordKey));
        Assert.Equal([profileKey, recordKey], _world.Store.KeysWritten.Where(k => k == profileKey || k == recordKey).Order(StringComparer.Ordinal));
        var profile = _world.StoredProfile(Person.Alice)!;
        Assert.Equal((workshop.Id, "g2"), (profile.Joined!.WorkshopId, profile.Joined.GroupId));
        Assert.Equal(FakeTeams.PersonalChatOf(Person.Alice.TeamsId), profile.Conversation!.Reference.Conversation!.Id);
        Assert.Equal(profile.Conversation.Fingerprint, _world.Stored(Person.Alice, workshop.Id)!.ConversationFingerprint);
    }

    [Fact]
    public async Task After_joining_the_personal_chat_answers_into_the_joined_workshop()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop, "g1");
        var question = Assert.Single(_world.PersonalCards(Person.Alice));

        await _world.Execute(Person.Alice, question, CardVerbs.Answer, "government", cardMessageId: "personal-card");
        var typed = await _world.Say(Person.Alice, "เครือข่ายระดับตำบลทำงานร่วมกันได้ดี");

        var record = _world.Stored(Person.Alice, workshop.Id);
        Assert.Equal(["government"], record!.Answers["organisationType"].Choices);
        Assert.Equal("เครือข่ายระดับตำบลทำงานร่วมกันได้ดี", record.Answers["goodPractices"].Text);
        Assert.Equal("g1", record.GroupId);
        Assert.NotEmpty(typed.Posts);
        Assert.Null(_world.Stored(Person.Alice, BotWorld.DefaultWorkshopId));
    }

    [Fact]
    public async Task Someone_who_never_joined_keeps_answering_the_default_workshop()
    {
        await _world.CreateWorkshopAsync();

        await _world.Say(Person.Bob, "เริ่ม");

        var record = _world.Stored(Person.Bob, BotWorld.DefaultWorkshopId);
        Assert.Equal(ParticipantStatus.InProgress, record!.Status);
        Assert.Null(record.GroupId);
    }

    [Fact]
    public async Task Pressing_answer_again_continues_where_the_participant_left_off()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop, "g1");
        await _world.Execute(Person.Alice, _world.PersonalCards(Person.Alice)[^1], CardVerbs.Answer, "government", cardMessageId: "personal-card");
        var before = _world.PersonalCards(Person.Alice).Count;

        var again = await _world.JoinAsync(Person.Alice, workshop, "g1");

        Assert.Equal("เปิดคำถามในแชทส่วนตัวแล้ว / Questions opened in your personal chat", again.InvokeText);
        var next = _world.PersonalCards(Person.Alice)[before];
        Assert.Equal("goodPractices", CardJson.ActionData(next, CardVerbs.Answer).GetProperty("questionId").GetString());
        Assert.DoesNotContain(again.Texts, t => t.Contains("ตอบทีละข้อ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_a_named_workshop_the_participant_name_is_kept_for_summaries()
    {
        var workshop = await _world.CreateWorkshopAsync(visibility: "named");

        await _world.JoinAsync(Person.Bob, workshop, "g2");

        Assert.Equal(Person.Bob.Name, _world.Stored(Person.Bob, workshop.Id)!.DisplayName);
    }

    [Fact]
    public async Task On_Teams_mobile_the_join_says_nothing_in_the_channel()
    {
        var workshop = await _world.CreateWorkshopAsync();

        var turn = await _world.JoinAsync(Person.Alice, workshop, "g1", CardActionSource.Submit);

        Assert.DoesNotContain(turn.Calls, c => c.ConversationId.StartsWith(BotWorld.ChannelId, StringComparison.Ordinal));
        Assert.Single(_world.PersonalCards(Person.Alice));
    }

    [Fact]
    public async Task A_join_for_an_unknown_workshop_is_refused_and_changes_nothing()
    {
        await _world.CreateWorkshopAsync();
        var before = await _world.SnapshotAsync();

        var turn = await _world.Press(Person.Alice, FacilitationVerbs.Join, new JsonObject { ["workshopId"] = "zzzzzzzzzz", ["group"] = "g1" });

        Assert.Equal(404, turn.InvokeStatus);
        Assert.Empty(turn.Calls);
        Assert.Empty(_world.Teams.Created);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Theory]
    [InlineData("default")]
    [InlineData("../x")]
    [InlineData("")]
    public async Task A_join_with_a_malformed_workshop_id_is_refused(string id)
    {
        var before = await _world.SnapshotAsync();

        var turn = await _world.Press(Person.Alice, FacilitationVerbs.Join, new JsonObject { ["workshopId"] = id });

        Assert.Equal(400, turn.InvokeStatus);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task A_join_for_a_closed_workshop_is_refused_and_changes_nothing()
    {
        var workshop = await _world.CreateWorkshopAsync();
        var card = _world.KickoffCard(workshop);
        await _world.SayInChannel(Person.Facilitator, "close");
        var before = await _world.SnapshotAsync();

        var turn = await _world.Press(Person.Alice, FacilitationVerbs.Join,
            BotWorld.ButtonData(card, FacilitationVerbs.Join, new Dictionary<string, string> { ["group"] = "g1" }));

        Assert.Equal(403, turn.InvokeStatus);
        Assert.Contains("This workshop is closed", turn.InvokeText, StringComparison.Ordinal);
        Assert.Empty(_world.Teams.Created);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task A_kickoff_card_pressed_in_another_channel_is_refused()
    {
        var workshop = await _world.CreateWorkshopAsync();
        var before = await _world.SnapshotAsync();

        var turn = await _world.Press(Person.Alice, FacilitationVerbs.Join,
            BotWorld.ButtonData(_world.KickoffCard(workshop), FacilitationVerbs.Join, new Dictionary<string, string> { ["group"] = "g1" }),
            channelId: BotWorld.OtherChannelId);

        Assert.Equal(404, turn.InvokeStatus);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("g9")]
    public async Task A_join_without_a_group_of_the_workshop_asks_for_one(string? group)
    {
        var workshop = await _world.CreateWorkshopAsync();
        var data = BotWorld.ButtonData(_world.KickoffCard(workshop), FacilitationVerbs.Join);
        if (group is not null)
        {
            data["group"] = group;
        }
        var before = await _world.SnapshotAsync();

        var turn = await _world.Press(Person.Alice, FacilitationVerbs.Join, data);

        Assert.Equal(400, turn.InvokeStatus);
        Assert.Contains("Please choose your group", turn.InvokeText, StringComparison.Ordinal);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task When_Teams_will_not_open_the_personal_chat_the_group_is_kept_and_the_participant_is_told_what_to_do()
    {
        var workshop = await _world.CreateWorkshopAsync();
        _world.Teams.RefuseCreate = HttpStatusCode.Forbidden;

        var turn = await _world.JoinAsync(Person.Alice, workshop, "g2");

        Assert.Contains("type start", turn.InvokeText, StringComparison.Ordinal);
        Assert.Equal("g2", _world.Stored(Person.Alice, workshop.Id)!.GroupId);

        _world.Teams.RefuseCreate = null;
        await _world.Say(Person.Alice, "ทำต่อ");
        Assert.NotEmpty(_world.PersonalCards(Person.Alice));
        Assert.Null(_world.Stored(Person.Alice, BotWorld.DefaultWorkshopId));
    }

    [Fact]
    public async Task After_the_workshop_closes_the_participant_answers_change_nothing()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop, "g1");
        var question = _world.PersonalCards(Person.Alice)[^1];
        await _world.SayInChannel(Person.Facilitator, "close");
        var before = await _world.SnapshotAsync();

        var typed = await _world.Say(Person.Alice, "government");
        var pressed = await _world.Execute(Person.Alice, question, CardVerbs.Answer, "government", cardMessageId: "personal-card");

        Assert.Contains("ปิดรับคำตอบแล้ว", Assert.Single(typed.Texts), StringComparison.Ordinal);
        Assert.Equal(403, pressed.InvokeStatus);
        Assert.Equal(before, await _world.SnapshotAsync());
    }
}
