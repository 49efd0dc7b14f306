using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class FacilitatorRoleTests : IAsyncDisposable
{
    private const string NotFacilitatorEnglish = "Only this workshop's facilitators can do this. Nothing was changed.";
    private const string NotFacilitatorThai = "เฉพาะวิทยากรกระบวนการของเวิร์กชอปนี้เท่านั้น";
    // Where no workshop exists yet, the refusal must not speak of "this workshop" (issue 17 item 1).
    private const string CannotCreateEnglish = "Only facilitators can create a workshop here. Nothing was changed.";

    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    public static TheoryData<string> FacilitatorCommands => new()
    {
        "workshop new", "สร้างเวิร์กชอป", "progress", "ความคืบหน้า", "summary", "สรุป", "summary 1", "สรุปกลุ่ม 2",
        "report", "รายงาน", "close", "ปิดรับคำตอบ", "reopen", "เปิดรับคำตอบ", "vote reset", "ล้างโหวต",
    };

    [Theory]
    [MemberData(nameof(FacilitatorCommands))]
    public async Task Non_facilitator_is_refused_every_facilitator_command_and_nothing_changes(string command)
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop);
        var before = await _world.SnapshotAsync();
        var callsBefore = _world.Teams.Calls.Count;

        var turn = await _world.SayInChannel(Person.Colleague, command);

        var reply = Assert.Single(turn.Texts);
        Assert.Contains(NotFacilitatorThai, reply, StringComparison.Ordinal);
        Assert.Contains(NotFacilitatorEnglish, reply, StringComparison.Ordinal);
        Assert.Empty(turn.Posts.SelectMany(p => p.Cards));
        await _world.WaitForPostingsAsync();
        Assert.Equal(before, await _world.SnapshotAsync());
        Assert.Equal(callsBefore + 1, _world.Teams.Calls.Count);
    }

    [Fact]
    public async Task Non_facilitator_is_refused_adding_a_facilitator_and_nothing_changes()
    {
        var workshop = await _world.CreateWorkshopAsync();
        _world.AddMember(Person.Colleague);
        _world.AddMember(Person.Bob);
        var before = await _world.SnapshotAsync();

        var turn = await _world.SayInChannel(Person.Colleague, "facilitator add", [Person.Bob]);

        Assert.Contains(NotFacilitatorEnglish, Assert.Single(turn.Texts), StringComparison.Ordinal);
        Assert.Equal(before, await _world.SnapshotAsync());
        Assert.DoesNotContain(Person.Bob.AadObjectId, (await _world.Workshop(workshop.Id))!.Facilitators);
    }

    [Fact]
    public async Task Non_facilitator_pressing_create_on_a_forwarded_setup_card_creates_nothing()
    {
        var card = await _world.SetupCardAsync(Person.Facilitator);
        var before = await _world.SnapshotAsync();
        var data = BotWorld.ButtonData(card, FacilitationVerbs.Create, new Dictionary<string, string>
        {
            [FacilitationFields.Title] = "Hijacked",
            [FacilitationFields.Date] = "2026-11-18",
        });

        foreach (var source in new[] { CardActionSource.Execute, CardActionSource.Submit })
        {
            var turn = await _world.Press(Person.Colleague, FacilitationVerbs.Create, data, source: source);
            Assert.Contains(CannotCreateEnglish, turn.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain("this workshop", turn.AllText, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(before, await _world.SnapshotAsync());
        Assert.Null(await _world.Workshop((string)data[FacilitationFields.WorkshopId]!));
    }

    [Fact]
    public async Task Non_facilitator_refreshing_progress_is_refused_and_sees_no_counts()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.SayInChannel(Person.Facilitator, "progress");
        var before = await _world.SnapshotAsync();

        var turn = await _world.Press(Person.Colleague, FacilitationVerbs.RefreshProgress, new JsonObject { ["workshopId"] = workshop.Id });

        Assert.Equal(403, turn.InvokeStatus);
        Assert.Contains(NotFacilitatorEnglish, turn.InvokeText, StringComparison.Ordinal);
        Assert.Null(turn.PressedCard);
        Assert.Empty(turn.Calls);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task Creator_runs_the_workshop_and_configured_facilitators_can_too()
    {
        _world.AddMember(Person.Colleague);
        await _world.CreateWorkshopAsync();
        await _world.SayInChannel(Person.Facilitator, "facilitator add", [Person.Colleague]);
        var created = await _world.CreateWorkshopAsync(title: "Second workshop", facilitator: Person.Colleague);

        Assert.Equal([Person.Colleague.AadObjectId], created.Facilitators.ToArray());
        Assert.Equal(Person.Colleague.AadObjectId, created.CreatedBy);
        var progress = await _world.SayInChannel(Person.Colleague, "progress");
        Assert.Single(progress.Posts.SelectMany(p => p.Cards));
        var configured = await _world.SayInChannel(Person.Facilitator, "progress");
        Assert.DoesNotContain(configured.Texts, t => t.Contains(NotFacilitatorEnglish, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_without_a_role_cannot_create_a_workshop()
    {
        var before = await _world.SnapshotAsync();

        var turn = await _world.SayInChannel(Person.Colleague, "workshop new");

        var reply = Assert.Single(turn.Texts);
        Assert.Contains(CannotCreateEnglish, reply, StringComparison.Ordinal);
        Assert.Contains("facilitator add @your name", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("this workshop", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task A_facilitator_adds_the_mentioned_person_by_their_Teams_identity_not_by_the_name_shown()
    {
        var workshop = await _world.CreateWorkshopAsync();
        _world.AddMember(Person.Colleague);
        _world.AddMember(Person.Bob);
        // The mention reads "Krit Chaiyaporn" but points at the colleague's Teams id: the id decides, through Teams' roster.
        var disguised = Person.Colleague with { Name = Person.Bob.Name, AadObjectId = Person.Bob.AadObjectId };

        var turn = await _world.SayInChannel(Person.Facilitator, "facilitator add", [disguised]);

        var stored = await _world.Workshop(workshop.Id);
        Assert.Contains(Person.Colleague.AadObjectId, stored!.Facilitators);
        Assert.DoesNotContain(Person.Bob.AadObjectId, stored.Facilitators);
        Assert.Contains(Person.Colleague.Name, Assert.Single(turn.Texts), StringComparison.Ordinal);
        var progress = await _world.SayInChannel(Person.Colleague, "progress");
        Assert.Single(progress.Posts.SelectMany(p => p.Cards));
        // A facilitator of this channel's workshop may start its next one here, and nowhere else (issue 15 item 5).
        var here = _world.ChannelActivity(Person.Colleague, "message", BotWorld.NextId(), BotWorld.ChannelId);
        var elsewhere = _world.ChannelActivity(Person.Colleague, "message", BotWorld.NextId(), BotWorld.OtherChannelId);
        Assert.True(await _world.Get<FacilitatorRoles>().CanCreateWorkshopsAsync(Person.Colleague.AadObjectId, here, CancellationToken.None));
        Assert.False(await _world.Get<FacilitatorRoles>().CanCreateWorkshopsAsync(Person.Colleague.AadObjectId, elsewhere, CancellationToken.None));
    }

    [Fact]
    public async Task A_facilitator_can_put_someone_in_charge_of_one_group_in_Thai()
    {
        var workshop = await _world.CreateWorkshopAsync();
        _world.AddMember(Person.Colleague);

        await _world.SayInChannel(Person.Facilitator, "เพิ่มวิทยากร กลุ่ม 2", [Person.Colleague]);

        var stored = await _world.Workshop(workshop.Id);
        Assert.DoesNotContain(Person.Colleague.AadObjectId, stored!.Facilitators);
        Assert.Equal([Person.Colleague.AadObjectId], stored.Groups[1].FacilitatorUserKeys.ToArray());
        Assert.Empty(stored.Groups[0].FacilitatorUserKeys);
        Assert.True(_world.Get<FacilitatorRoles>().CanRun(Person.Colleague.AadObjectId, stored));
    }

    [Fact]
    public async Task Adding_someone_who_is_not_in_the_team_changes_nothing()
    {
        await _world.CreateWorkshopAsync();
        var before = await _world.SnapshotAsync();

        var turn = await _world.SayInChannel(Person.Facilitator, "facilitator add", [Person.Bob]);

        Assert.Contains("not a member of this team", Assert.Single(turn.Texts), StringComparison.Ordinal);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task Adding_without_a_mention_explains_how()
    {
        await _world.CreateWorkshopAsync();

        var turn = await _world.SayInChannel(Person.Facilitator, "facilitator add Anan");

        Assert.Contains("@mention", Assert.Single(turn.Texts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_open_to_everyone_and_a_bare_mention_shows_it()
    {
        var help = await _world.SayInChannel(Person.Colleague, "help");
        var bare = await _world.SayInChannel(Person.Colleague, "");

        Assert.Contains("workshop new", Assert.Single(help.Texts), StringComparison.Ordinal);
        Assert.Contains("สร้างเวิร์กชอป", Assert.Single(bare.Texts), StringComparison.Ordinal);
    }
}
