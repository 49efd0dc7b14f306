using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Voting;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>Issue 15 item 5: a group's facilitator runs their group only; facilitators can be removed; adding grants nothing elsewhere.</summary>
public sealed class FacilitatorScopeTests : IAsyncDisposable
{
    private const string WholeWorkshopOnly = "this needs a facilitator of the whole workshop. Nothing was changed.";
    private const string OtherGroup = "put your group's number after the command";

    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    public static TheoryData<string> WholeWorkshopCommands => new()
    {
        "report", "รายงาน", "close", "ปิดรับคำตอบ", "reopen", "เปิดรับคำตอบ",
    };

    [Theory]
    [MemberData(nameof(WholeWorkshopCommands))]
    public async Task A_group_facilitator_cannot_report_close_or_reopen_the_workshop(string command)
    {
        var workshop = await GroupFacilitatorOfGroupTwoAsync();
        var before = await _world.SnapshotAsync();

        var turn = await _world.SayInChannel(Person.Colleague, command);

        var reply = Assert.Single(turn.Texts);
        Assert.Contains("คุณเป็นวิทยากรกระบวนการของ กลุ่มกลไกขับเคลื่อน เท่านั้น", reply, StringComparison.Ordinal);
        Assert.Contains(WholeWorkshopOnly, reply, StringComparison.Ordinal);
        Assert.Empty(turn.Posts.SelectMany(p => p.Cards));
        Assert.Equal(before, await _world.SnapshotAsync());
        Assert.True((await _world.Workshop(workshop.Id))!.IsOpen || command is "reopen" or "เปิดรับคำตอบ");
    }

    [Fact]
    public async Task A_group_facilitator_cannot_add_workshop_wide_facilitators_remove_facilitators_or_erase_people()
    {
        var workshop = await GroupFacilitatorOfGroupTwoAsync();
        _world.AddMember(Person.Bob);
        _world.AddMember(Person.Alice);
        await _world.PutParticipantAsync(workshop.Id, Person.Alice.AadObjectId, SeedRecords.Started(workshop.Id, Person.Alice.AadObjectId, "g2"));
        var before = await _world.SnapshotAsync();

        var addWide = await _world.SayInChannel(Person.Colleague, "facilitator add", [Person.Bob]);
        var addOther = await _world.SayInChannel(Person.Colleague, "facilitator add กลุ่ม 1", [Person.Bob]);
        var remove = await _world.SayInChannel(Person.Colleague, "facilitator remove", [Person.Facilitator]);
        var erase = await _world.SayInChannel(Person.Colleague, "erase", [Person.Alice]);

        Assert.Contains(WholeWorkshopOnly, Assert.Single(addWide.Texts), StringComparison.Ordinal);
        Assert.Contains(OtherGroup, Assert.Single(addOther.Texts), StringComparison.Ordinal);
        Assert.Contains(WholeWorkshopOnly, Assert.Single(remove.Texts), StringComparison.Ordinal);
        Assert.Contains("facilitator", Assert.Single(erase.Texts), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await _world.SnapshotAsync());
        Assert.NotNull(_world.Stored(Person.Alice, workshop.Id));
    }

    [Fact]
    public async Task A_group_facilitator_sees_progress_and_adds_facilitators_to_their_own_group()
    {
        var workshop = await GroupFacilitatorOfGroupTwoAsync();
        _world.AddMember(Person.Bob);

        var progress = await _world.SayInChannel(Person.Colleague, "progress");
        var add = await _world.SayInChannel(Person.Colleague, "เพิ่มวิทยากร กลุ่ม 2", [Person.Bob]);

        Assert.Single(progress.Posts.SelectMany(p => p.Cards));
        Assert.Contains("Now facilitators of group", Assert.Single(add.Texts), StringComparison.Ordinal);
        var stored = (await _world.Workshop(workshop.Id))!;
        Assert.Contains(Person.Bob.AadObjectId, stored.Groups[1].FacilitatorUserKeys);
        Assert.DoesNotContain(Person.Bob.AadObjectId, stored.Facilitators);
    }

    [Fact]
    public async Task A_group_facilitators_summary_and_vote_reset_are_their_groups_and_another_group_is_refused()
    {
        var workshop = await GroupFacilitatorOfGroupTwoAsync();
        await _world.PutParticipantAsync(workshop.Id, Person.Alice.AadObjectId, SeedRecords.Submitted(workshop.Id, Person.Alice.AadObjectId, "g1", "ALICEGOOD1 ข้อดี", "ALICELEVER1 งบประมาณ"));
        await _world.PutParticipantAsync(workshop.Id, Person.Carol.AadObjectId, SeedRecords.Submitted(workshop.Id, Person.Carol.AadObjectId, "g2", "CAROLGOOD1 ข้อดี", "CAROLLEVER1 กฎหมาย"));
        var before = _world.Teams.PostsTo(BotWorld.ChannelId).Count;

        var summary = await _world.SayInChannel(Person.Colleague, "summary");
        await _world.WaitForPostingsAsync();
        var posted = string.Concat(_world.Teams.PostsTo(BotWorld.ChannelId).Skip(before).SelectMany(p => p.Cards).Select(c => c.GetRawText()));
        var votes = _world.Get<DotVoteStore>();
        Assert.NotNull(await votes.GetBallotAsync(workshop.Id, "g2", CancellationToken.None));
        Assert.Null(await votes.GetBallotAsync(workshop.Id, "g1", CancellationToken.None));
        var otherSummary = await _world.SayInChannel(Person.Colleague, "สรุป 1");
        var otherReset = await _world.SayInChannel(Person.Colleague, "vote reset 1");
        var ownReset = await _world.SayInChannel(Person.Colleague, "ล้างโหวต");

        Assert.Contains("Posting the summary of 1 group(s)", Assert.Single(summary.Texts), StringComparison.Ordinal);
        Assert.Contains("CAROLGOOD1", posted, StringComparison.Ordinal);
        Assert.DoesNotContain("ALICEGOOD1", posted, StringComparison.Ordinal);
        Assert.Contains(OtherGroup, Assert.Single(otherSummary.Texts), StringComparison.Ordinal);
        Assert.Contains("**summary 2**", Assert.Single(otherSummary.Texts), StringComparison.Ordinal);
        Assert.Contains(OtherGroup, Assert.Single(otherReset.Texts), StringComparison.Ordinal);
        Assert.Contains("Votes of 1 group(s) cleared", string.Join("\n", ownReset.Texts), StringComparison.Ordinal);
        Assert.Null(await votes.GetBallotAsync(workshop.Id, "g1", CancellationToken.None));
    }

    [Fact]
    public async Task A_workshop_facilitator_removes_a_facilitator_in_Thai_and_they_can_no_longer_run_it()
    {
        var workshop = await _world.CreateWorkshopAsync();
        _world.AddMember(Person.Colleague);
        _world.AddMember(Person.Bob);
        await _world.SayInChannel(Person.Facilitator, "facilitator add", [Person.Colleague]);
        await _world.SayInChannel(Person.Facilitator, "facilitator add กลุ่ม 1", [Person.Bob]);
        Assert.Single((await _world.SayInChannel(Person.Colleague, "progress")).Posts.SelectMany(p => p.Cards));

        var removed = await _world.SayInChannel(Person.Facilitator, "ลบวิทยากร", [Person.Colleague, Person.Bob]);

        Assert.Contains("No longer facilitators here", Assert.Single(removed.Texts), StringComparison.Ordinal);
        var stored = (await _world.Workshop(workshop.Id))!;
        Assert.DoesNotContain(Person.Colleague.AadObjectId, stored.Facilitators);
        Assert.Empty(stored.Groups[0].FacilitatorUserKeys);
        foreach (var person in new[] { Person.Colleague, Person.Bob })
        {
            var turn = await _world.SayInChannel(person, "progress");
            Assert.Contains("Only this workshop's facilitators can do this", Assert.Single(turn.Texts), StringComparison.Ordinal);
            Assert.Empty(turn.Posts.SelectMany(p => p.Cards));
        }
    }

    [Fact]
    public async Task Removing_a_configured_facilitator_or_someone_who_is_none_changes_nothing_and_says_why()
    {
        await _world.CreateWorkshopAsync();
        _world.AddMember(Person.Colleague);
        _world.AddMember(Person.Facilitator);
        await _world.SayInChannel(Person.Facilitator, "facilitator add", [Person.Colleague]);
        var before = await _world.SnapshotAsync();

        var configured = await _world.SayInChannel(Person.Colleague, "facilitator remove", [Person.Facilitator]);
        _world.AddMember(Person.Carol);
        var nobody = await _world.SayInChannel(Person.Colleague, "remove facilitator", [Person.Carol]);
        var usage = await _world.SayInChannel(Person.Colleague, "facilitator remove");

        Assert.Contains("Workshop:Facilitators", Assert.Single(configured.Texts), StringComparison.Ordinal);
        Assert.Contains("not a facilitator here", Assert.Single(nobody.Texts), StringComparison.Ordinal);
        Assert.Contains("@mention the person to remove", Assert.Single(usage.Texts), StringComparison.Ordinal);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task Being_added_to_one_workshop_grants_no_right_to_create_workshops_elsewhere()
    {
        await _world.CreateWorkshopAsync();
        _world.AddMember(Person.Colleague);
        await _world.SayInChannel(Person.Facilitator, "facilitator add", [Person.Colleague]);
        var before = await _world.SnapshotAsync();

        var elsewhere = await _world.SayInChannel(Person.Colleague, "workshop new", channelId: BotWorld.OtherChannelId);

        var reply = Assert.Single(elsewhere.Texts);
        Assert.Contains("Only facilitators can create a workshop here", reply, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Posts.SelectMany(p => p.Cards));
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    private async Task<WorkshopRecord> GroupFacilitatorOfGroupTwoAsync()
    {
        var workshop = await _world.CreateWorkshopAsync();
        _world.AddMember(Person.Colleague);
        await _world.SayInChannel(Person.Facilitator, "facilitator add กลุ่ม 2", [Person.Colleague]);
        return (await _world.Workshop(workshop.Id))!;
    }
}
