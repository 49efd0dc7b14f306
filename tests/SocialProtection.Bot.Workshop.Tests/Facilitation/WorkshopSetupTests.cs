using SocialProtection.Bot.TestSupport;
using System.Text.Json;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class WorkshopSetupTests : IAsyncDisposable
{
    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData("workshop new")]
    [InlineData("สร้างเวิร์กชอป")]
    [InlineData("new workshop")]
    public async Task Workshop_new_in_either_language_answers_with_the_setup_card(string command)
    {
        var card = await _world.SetupCardAsync(Person.Facilitator, command);

        var inputs = Inputs(card);
        Assert.Equal("Input.Text", inputs["title"]);
        Assert.Equal("Input.Date", inputs["date"]);
        Assert.Equal("Input.Text", inputs["groups"]);
        Assert.Equal("Input.ChoiceSet", inputs["visibility"]);
        Assert.True(CardJson.HasAction(card, FacilitationVerbs.Create));
        Assert.True(CardBudget.MaxBytes >= card.GetRawText().Length * 2);
    }

    [Fact]
    public async Task Words_after_workshop_new_prefill_the_title()
    {
        var card = await _world.SetupCardAsync(Person.Facilitator, "สร้างเวิร์กชอป ถอดบทเรียนภาคีเครือข่าย");

        var title = AdaptiveCardReader.Elements(card).First(e => e.TryGetProperty("id", out var id) && id.GetString() == "title");
        Assert.Equal("ถอดบทเรียนภาคีเครือข่าย", title.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Create_stores_the_workshop_and_posts_a_kickoff_card_of_its_own_in_the_channel()
    {
        var workshop = await _world.CreateWorkshopAsync(title: "ถอดบทเรียน 2569", groups: "กลุ่มนโยบาย\n\n  กลุ่มกลไก  ", visibility: "named", date: "2026-11-18");

        Assert.Matches("^[a-z2-7]{10}$", workshop.Id);
        Assert.Equal("ถอดบทเรียน 2569", workshop.Title);
        Assert.Equal(new DateOnly(2026, 11, 18), workshop.Date);
        Assert.Equal(["กลุ่มนโยบาย", "กลุ่มกลไก"], workshop.Groups.Select(g => g.Name));
        Assert.Equal(["g1", "g2"], workshop.Groups.Select(g => g.Id));
        Assert.Equal(AnswerVisibility.Named, workshop.Visibility);
        Assert.Equal("lesson-extraction-default", workshop.QuestionSetId);
        Assert.Equal([Person.Facilitator.AadObjectId], workshop.Facilitators.ToArray());
        Assert.Equal(Person.Facilitator.AadObjectId, workshop.CreatedBy);
        Assert.Equal(BotWorld.ChannelId, workshop.Channel.Conversation!.Id);
        Assert.Null(workshop.Channel.ActivityId);
        Assert.Equal(BotWorld.TeamId, workshop.TeamId);
        Assert.Equal(BotWorld.TenantId, workshop.TenantId);
        Assert.Equal(WorkshopStatus.Open, workshop.Status);
        Assert.Equal(_world.Time.GetUtcNow(), workshop.CreatedAt);

        var kickoff = Assert.Single(_world.Teams.PostsTo(BotWorld.ChannelId));
        Assert.Equal(workshop.KickoffActivityId, kickoff.Id);
        Assert.Null(kickoff.Activity.Text);
        var card = Assert.Single(kickoff.Cards);
        var text = CardJson.Text(card);
        Assert.Contains("ถอดบทเรียน 2569", text, StringComparison.Ordinal);
        Assert.Contains("18 พฤศจิกายน พ.ศ. 2569 (ค.ศ. 2026)", text, StringComparison.Ordinal);
        Assert.Contains("18 November 2026 (B.E. 2569)", text, StringComparison.Ordinal);
        var answer = CardJson.ActionData(card, FacilitationVerbs.Join);
        Assert.Equal(workshop.Id, answer.GetProperty("workshopId").GetString());
        Assert.Contains("ตอบคำถาม / Answer", card.GetRawText(), StringComparison.Ordinal);
        var groups = AdaptiveCardReader.Elements(card).Single(e => e.TryGetProperty("id", out var id) && id.GetString() == "group");
        Assert.Equal(["g1", "g2"], groups.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task A_workshop_with_one_group_asks_no_group_on_its_kickoff_card()
    {
        var workshop = await _world.CreateWorkshopAsync(groups: "");

        var group = Assert.Single(workshop.Groups);
        Assert.Equal("ทุกคน / Everyone", group.Name);
        var card = _world.KickoffCard(workshop);
        Assert.DoesNotContain(AdaptiveCardReader.Elements(card), e => e.TryGetProperty("id", out var id) && id.GetString() == "group");
        Assert.True(CardJson.HasAction(card, FacilitationVerbs.Join));
    }

    [Fact]
    public async Task Pressing_create_twice_or_a_redelivered_press_makes_one_workshop_and_one_kickoff()
    {
        var setup = await _world.SetupCardAsync(Person.Facilitator);
        var data = BotWorld.ButtonData(setup, FacilitationVerbs.Create, new Dictionary<string, string>
        {
            ["title"] = "Once",
            ["date"] = "2026-11-18",
        });

        var first = await _world.Press(Person.Facilitator, FacilitationVerbs.Create, data, activityId: "press-1");
        var again = await _world.Press(Person.Facilitator, FacilitationVerbs.Create, data, activityId: "press-1");
        var mobile = await _world.Press(Person.Facilitator, FacilitationVerbs.Create, data, source: CardActionSource.Submit);

        Assert.NotNull(first.PressedCard);
        Assert.NotNull(again.PressedCard);
        Assert.Single(_world.Teams.PostsTo(BotWorld.ChannelId));
        Assert.Single(mobile.Calls, c => c.Method == "PUT");
        Assert.Contains("Workshop created", CardJson.Text(again.PressedCard!.Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setup_with_mistakes_is_shown_again_with_what_to_fix_and_nothing_is_created()
    {
        var setup = await _world.SetupCardAsync(Person.Facilitator);
        var before = await _world.SnapshotAsync();
        var data = BotWorld.ButtonData(setup, FacilitationVerbs.Create, new Dictionary<string, string>
        {
            ["title"] = "   ",
            ["date"] = "not a date",
            ["groups"] = "กลุ่ม A\nกลุ่ม a",
        });

        var turn = await _world.Press(Person.Facilitator, FacilitationVerbs.Create, data);

        var text = CardJson.Text(turn.PressedCard!.Value);
        Assert.Contains("Please give the workshop a title.", text, StringComparison.Ordinal);
        Assert.Contains("Please choose a valid date.", text, StringComparison.Ordinal);
        Assert.Contains("Two groups have the same name", text, StringComparison.Ordinal);
        Assert.True(CardJson.HasAction(turn.PressedCard!.Value, FacilitationVerbs.Create));
        Assert.Equal(before, await _world.SnapshotAsync());
        Assert.Empty(_world.Teams.PostsTo(BotWorld.ChannelId));
    }

    [Fact]
    public async Task A_forged_create_with_fields_the_card_does_not_have_is_refused()
    {
        var setup = await _world.SetupCardAsync(Person.Facilitator);
        var data = BotWorld.ButtonData(setup, FacilitationVerbs.Create, new Dictionary<string, string> { ["title"] = "x", ["date"] = "2026-11-18" });
        data["createdBy"] = Person.Colleague.AadObjectId;
        var badId = BotWorld.ButtonData(setup, FacilitationVerbs.Create, new Dictionary<string, string> { ["title"] = "x", ["date"] = "2026-11-18" });
        badId["workshopId"] = "../../etc";
        var before = await _world.SnapshotAsync();

        var extra = await _world.Press(Person.Facilitator, FacilitationVerbs.Create, data);
        var path = await _world.Press(Person.Facilitator, FacilitationVerbs.Create, badId);

        Assert.Equal(400, extra.InvokeStatus);
        Assert.Equal(400, path.InvokeStatus);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task Commands_in_a_channel_act_on_its_newest_workshop()
    {
        await _world.CreateWorkshopAsync(title: "First");
        var second = await _world.CreateWorkshopAsync(title: "Second");

        await _world.SayInChannel(Person.Facilitator, "close");

        Assert.Equal(WorkshopStatus.Closed, (await _world.Workshop(second.Id))!.Status);
    }

    [Fact]
    public async Task Closing_updates_the_kickoff_card_in_place_and_reopening_restores_it()
    {
        var workshop = await _world.CreateWorkshopAsync();

        var closed = await _world.SayInChannel(Person.Facilitator, "ปิดรับคำตอบ");

        var update = Assert.Single(closed.Calls, c => c.Method == "PUT");
        Assert.Equal(workshop.KickoffActivityId, update.ActivityId);
        Assert.Contains("This workshop is closed", CardJson.Text(update.Cards[0]), StringComparison.Ordinal);
        Assert.False(CardJson.HasAction(update.Cards[0], FacilitationVerbs.Join));
        var stored = await _world.Workshop(workshop.Id);
        Assert.Equal(WorkshopStatus.Closed, stored!.Status);
        Assert.Equal(_world.Time.GetUtcNow(), stored.ClosedAt);

        var reopened = await _world.SayInChannel(Person.Facilitator, "reopen");
        Assert.True(CardJson.HasAction(Assert.Single(reopened.Calls, c => c.Method == "PUT").Cards[0], FacilitationVerbs.Join));
        Assert.Equal(WorkshopStatus.Open, (await _world.Workshop(workshop.Id))!.Status);
    }

    [Fact]
    public async Task A_redelivered_close_is_applied_once()
    {
        var workshop = await _world.CreateWorkshopAsync();

        await _world.SayInChannel(Person.Facilitator, "close", activityId: "close-1");
        var again = await _world.SayInChannel(Person.Facilitator, "close", activityId: "close-1");

        Assert.Empty(again.Calls);
        Assert.Equal(WorkshopStatus.Closed, (await _world.Workshop(workshop.Id))!.Status);
    }

    [Fact]
    public async Task Installing_the_bot_in_a_team_says_hello_once()
    {
        await Task.WhenAll(
            _world.InstallInChannel(Person.Facilitator, ActivityTypes.InstallationUpdate, "i-1"),
            _world.InstallInChannel(Person.Facilitator, ActivityTypes.ConversationUpdate, "i-2"));
        await _world.InstallInChannel(Person.Facilitator, ActivityTypes.InstallationUpdate, "i-3");

        var hello = Assert.Single(_world.Teams.PostsTo(BotWorld.ChannelId));
        Assert.Contains("workshop new", hello.Activity.Text, StringComparison.Ordinal);
        Assert.Contains("สร้างเวิร์กชอป", hello.Activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_else_joining_the_team_gets_no_hello()
    {
        var added = _world.ChannelActivity(Person.Facilitator, ActivityTypes.ConversationUpdate, "i-9", BotWorld.ChannelId) with
        {
            MembersAdded = [new ChannelAccount { Id = Person.Bob.TeamsId }],
        };

        await _world.Send(added);

        Assert.Empty(_world.Teams.Calls);
    }

    private static Dictionary<string, string> Inputs(JsonElement card) => AdaptiveCardReader.Elements(card)
        .Where(e => e.TryGetProperty("type", out var t) && t.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
        .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("type").GetString()!);

}
