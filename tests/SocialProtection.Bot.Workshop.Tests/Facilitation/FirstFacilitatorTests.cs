using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Hosting;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>
/// Issue 17 item 1: out of the box somebody can create a workshop. Whoever installs the bot in a team is that team's
/// facilitator; a refusal says what to do and who to ask, never "this workshop" where there is none.
/// </summary>
public sealed class FirstFacilitatorTests : IAsyncDisposable
{
    private const string CannotCreateThai = "เฉพาะวิทยากรกระบวนการเท่านั้นที่สร้างเวิร์กชอปที่นี่ได้";
    private const string CannotCreateEnglish = "Only facilitators can create a workshop here. Nothing was changed.";

    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData(ActivityTypes.InstallationUpdate)]
    [InlineData(ActivityTypes.ConversationUpdate)]
    public async Task Whoever_installs_the_bot_in_a_team_can_create_a_workshop_there_with_no_configuration(string eventType)
    {
        await _world.InstallInChannel(Person.Carol, eventType);

        var created = await _world.CreateWorkshopAsync(facilitator: Person.Carol);

        Assert.Equal(Person.Carol.AadObjectId, created.CreatedBy);
        Assert.Equal([Person.Carol.AadObjectId], created.Facilitators.ToArray());
        // Every channel of the team shares its facilitators.
        var other = await _world.SayInChannel(Person.Carol, "สร้างเวิร์กชอป", channelId: BotWorld.OtherChannelId);
        Assert.Single(other.Posts.SelectMany(p => p.Cards));
    }

    [Fact]
    public async Task Someone_else_is_told_who_the_facilitators_are_and_what_to_ask_in_both_languages()
    {
        await _world.InstallInChannel(Person.Carol, ActivityTypes.InstallationUpdate);
        var before = await _world.SnapshotAsync();

        var create = await _world.SayInChannel(Person.Bob, "workshop new");
        var progress = await _world.SayInChannel(Person.Bob, "progress");

        var reply = Assert.Single(create.Texts);
        Assert.Contains(CannotCreateThai, reply, StringComparison.Ordinal);
        Assert.Contains(CannotCreateEnglish, reply, StringComparison.Ordinal);
        Assert.True(reply.IndexOf(CannotCreateThai, StringComparison.Ordinal) < reply.IndexOf(CannotCreateEnglish, StringComparison.Ordinal));
        Assert.Contains(Person.Carol.Name, reply, StringComparison.Ordinal);
        Assert.Contains("facilitator add @your name", reply, StringComparison.Ordinal);
        Assert.Contains("เพิ่มวิทยากร @ชื่อของคุณ", reply, StringComparison.Ordinal);
        var noWorkshop = Assert.Single(progress.Texts);
        Assert.Contains("There is no workshop in this channel yet.", noWorkshop, StringComparison.Ordinal);
        foreach (var text in new[] { reply, noWorkshop })
        {
            Assert.DoesNotContain("this workshop", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("เวิร์กชอปนี้", text, StringComparison.Ordinal);
        }
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task The_installer_adds_and_removes_team_facilitators_before_any_workshop_exists()
    {
        await _world.InstallInChannel(Person.Carol, ActivityTypes.InstallationUpdate);
        _world.AddMember(Person.Bob);

        var add = await _world.SayInChannel(Person.Carol, "เพิ่มวิทยากร", [Person.Bob]);
        var bobCreates = await _world.SayInChannel(Person.Bob, "workshop new");
        var remove = await _world.SayInChannel(Person.Carol, "facilitator remove", [Person.Bob]);
        var bobAgain = await _world.SayInChannel(Person.Bob, "workshop new");

        Assert.Contains("Now facilitators of this team", Assert.Single(add.Texts), StringComparison.Ordinal);
        Assert.Single(bobCreates.Posts.SelectMany(p => p.Cards));
        Assert.Contains("No longer facilitators here", Assert.Single(remove.Texts), StringComparison.Ordinal);
        Assert.Contains(CannotCreateEnglish, Assert.Single(bobAgain.Texts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_is_not_a_team_facilitator_cannot_make_themselves_one()
    {
        await _world.InstallInChannel(Person.Carol, ActivityTypes.InstallationUpdate);
        _world.AddMember(Person.Bob);
        var before = await _world.SnapshotAsync();

        var turn = await _world.SayInChannel(Person.Bob, "facilitator add", [Person.Bob]);

        Assert.Contains(CannotCreateEnglish, Assert.Single(turn.Texts), StringComparison.Ordinal);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task A_forwarded_set_up_card_pressed_by_someone_else_in_another_team_creates_nothing()
    {
        await _world.InstallInChannel(Person.Carol, ActivityTypes.InstallationUpdate);
        var card = await _world.SetupCardAsync(Person.Carol);
        var data = BotWorld.ButtonData(card, FacilitationVerbs.Create, new Dictionary<string, string>
        {
            [FacilitationFields.Title] = "Not theirs",
            [FacilitationFields.Date] = "2026-11-18",
        });
        var before = await _world.SnapshotAsync();

        var turn = await _world.Press(Person.Bob, FacilitationVerbs.Create, data);

        Assert.Equal(403, turn.InvokeStatus);
        Assert.Contains(CannotCreateEnglish, turn.InvokeText, StringComparison.Ordinal);
        Assert.Contains(Person.Carol.Name, turn.InvokeText, StringComparison.Ordinal);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Theory]
    [InlineData(null, new string[0], true)] // local mode, nobody configured: anyone
    [InlineData(null, new[] { "0b7e4c2a-0000-4000-8000-00000000fac1" }, false)] // local mode, but someone is configured: only them
    [InlineData("00000000-0000-0000-0000-0000000000b0", new string[0], false)] // authenticated: nobody without a role
    public async Task Who_may_create_a_workshop_with_no_team_facilitator_yet(string? appId, string[] configured, bool anyone)
    {
        var store = new InMemoryObjectStore();
        var roles = new FacilitatorRoles(
            Options.Create(new FacilitationOptions { Facilitators = configured }),
            Options.Create(new BotProtocolOptions { MicrosoftAppId = appId }),
            new TeamFacilitators(store, TimeProvider.System),
            new WorkshopStore(store, TimeProvider.System));
        var someone = _world.ChannelActivity(Person.Bob, ActivityTypes.Message, BotWorld.NextId(), BotWorld.ChannelId);

        Assert.Equal(anyone, await roles.CanCreateWorkshopsAsync(Person.Bob.AadObjectId, someone, CancellationToken.None));
        foreach (var id in configured)
        {
            Assert.True(await roles.CanCreateWorkshopsAsync(id, someone, CancellationToken.None));
        }
    }
}
