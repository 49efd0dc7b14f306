using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Tests.Participants;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Tests.DataRights;

public sealed class ErasureTests : IDisposable
{
    private const string Alice = "6f1c2f4e-0000-4000-8000-00000000a11c";
    private const string AliceTeams = "29:1alice";
    private const string Bob = "6f1c2f4e-0000-4000-8000-000000000b0b";
    private const string BobTeams = "29:1bob";
    private const string Facilitator = "6f1c2f4e-0000-4000-8000-0000000fac11";
    private const string FacilitatorTeams = "29:1facilitator";
    private const string AliceLeverage = "ฐานข้อมูลผู้รับสวัสดิการร่วมกันระหว่างหน่วยงาน";
    private const string BobLeverage = "คณะกรรมการการคุ้มครองทางสังคมแห่งชาติ";
    private static readonly Person AliceInTeams = new(AliceTeams, Alice, "Alice");
    private static readonly Person BobInTeams = new(BobTeams, Bob, "Bob");
    private static readonly Person FacilitatorInTeams = new(FacilitatorTeams, Facilitator, "someone");

    private readonly BotWorld _world = DataRightsSeeds.NewWorld();
    private string _aliceReminder = "";
    private string _bobReminder = "";

    public void Dispose() => _world.Dispose();

    private async Task SeedAsync()
    {
        var w = DataRightsSeeds.WorkshopId;
        await _world.PutPlanAsync(w, [Facilitator]);
        await _world.PutParticipantAsync(w, Alice, DataRightsSeeds.Record(w, "อลิซ: ทำงานกับเครือข่าย", AliceLeverage, new Commitment("c1", "จัดประชุม", "พม.", new DateOnly(2027, 3, 31))));
        await _world.PutParticipantAsync(w, Bob, DataRightsSeeds.Record(w, "บ็อบ: ทำงานกับชุมชน", BobLeverage, new Commitment("c1", "ทำรายงาน", "สสส.", new DateOnly(2027, 4, 30))));
        await _world.PutParticipantAsync(DataRightsSeeds.OtherWorkshopId, Alice, DataRightsSeeds.Record(DataRightsSeeds.OtherWorkshopId, "อีกเวที", "อีกเรื่อง"));
        await _world.PutFollowUpAsync(w, Alice, ("c1", CommitmentStatus.InProgress, "เริ่มแล้ว"));
        await _world.PutFollowUpAsync(w, Bob, ("c1", CommitmentStatus.NotStarted, null));
        _aliceReminder = await _world.QueueReminderAsync(w, Alice, "c1");
        _bobReminder = await _world.QueueReminderAsync(w, Bob, "c1");
        await _world.PutConversationAsync(Alice, AliceTeams, "Alice");
        await _world.PutConversationAsync(Bob, BobTeams, "Bob");
        var summary = await _world.PostSummaryAsync(w, Alice, Bob);
        var votes = _world.Get<DotVoteStore>();
        foreach (var voter in new[] { Alice, Bob })
        {
            await votes.ToggleAsync(w, null, voter, summary.VoteCandidates[0].Id, "vote-" + voter, CancellationToken.None);
        }
        _world.AddMember(AliceInTeams);
        _world.AddMember(BobInTeams);
    }

    private async Task AssertBobUntouchedAsync()
    {
        var w = DataRightsSeeds.WorkshopId;
        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.Participant(w, Bob), CancellationToken.None));
        Assert.NotNull(await _world.Get<FollowUpStore>().GetPartnerAsync(w, Bob, CancellationToken.None));
        Assert.NotNull(await _world.Store.GetAsync(_bobReminder, CancellationToken.None));
        Assert.NotNull(await _world.Store.GetAsync(UserProfileStore.Key(Bob), CancellationToken.None));
        Assert.NotNull(await _world.Store.GetAsync(SummaryKeys.Vote(w, null, Bob), CancellationToken.None));
        var ballot = await _world.Get<DotVoteStore>().GetBallotAsync(w, null, CancellationToken.None);
        Assert.NotNull(ballot);
        Assert.True(ballot.IsEligible(Bob));
        Assert.Contains(ballot.Candidates, c => c.Text == BobLeverage);
    }

    private async Task AssertAliceGoneFromWorkshopAsync()
    {
        var w = DataRightsSeeds.WorkshopId;
        Assert.Null(await _world.Store.GetAsync(WorkshopKeys.Participant(w, Alice), CancellationToken.None));
        Assert.Null(await _world.Get<FollowUpStore>().GetPartnerAsync(w, Alice, CancellationToken.None));
        Assert.Null(await _world.Store.GetAsync(_aliceReminder, CancellationToken.None));
        Assert.Null(await _world.Store.GetAsync(SummaryKeys.Vote(w, null, Alice), CancellationToken.None));
        // The stored summary held her answers: it is withdrawn, to be built again from what remains.
        Assert.Null(await _world.Get<GroupSummaryStore>().GetAsync(w, null, CancellationToken.None));
        var ballot = (await _world.Get<DotVoteStore>().GetBallotAsync(w, null, CancellationToken.None))!;
        Assert.False(ballot.IsEligible(Alice));
        Assert.DoesNotContain(ballot.Candidates, c => c.Text == AliceLeverage);
        // Nothing anywhere under the workshop still carries her key or her words.
        foreach (var key in await _world.KeysAsync("workshops/"))
        {
            var content = (await _world.Store.GetAsync(key, CancellationToken.None))!.Content.ToString();
            if (!key.Contains("/" + DataRightsSeeds.OtherWorkshopId + "/", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(Alice, content, StringComparison.Ordinal);
                Assert.DoesNotContain(AliceLeverage, content, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_participant_erasing_their_data_removes_all_of_it_and_nothing_of_others()
    {
        await SeedAsync();

        var result = await _world.Get<ParticipantDataEraser>().EraseEverywhereAsync(Alice, CancellationToken.None);

        await AssertAliceGoneFromWorkshopAsync();
        Assert.Null(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsSeeds.OtherWorkshopId, Alice), CancellationToken.None));
        Assert.Null(await _world.Store.GetAsync(UserProfileStore.Key(Alice), CancellationToken.None));
        Assert.Equal(2, result.Workshops);
        await AssertBobUntouchedAsync();
    }

    [Fact]
    public async Task Erasing_twice_erases_nothing_more_the_second_time()
    {
        await SeedAsync();
        var eraser = _world.Get<ParticipantDataEraser>();
        Assert.True((await eraser.EraseEverywhereAsync(Alice, CancellationToken.None)).ErasedAnything);
        var keys = await _world.KeysAsync();

        var again = await eraser.EraseEverywhereAsync(Alice, CancellationToken.None);

        Assert.False(again.ErasedAnything);
        Assert.Equal(keys, await _world.KeysAsync());
    }

    [Fact]
    public async Task A_participant_who_never_answered_is_erased_without_withdrawing_anyones_summary()
    {
        await SeedAsync();
        const string Carol = "6f1c2f4e-0000-4000-8000-0000000ca401";
        await _world.PutConversationAsync(Carol, "29:1carol", "Carol");

        var result = await _world.Get<ParticipantDataEraser>().EraseEverywhereAsync(Carol, CancellationToken.None);

        Assert.Equal(1, result.ObjectsDeleted);
        Assert.NotNull(await _world.Get<GroupSummaryStore>().GetAsync(DataRightsSeeds.WorkshopId, null, CancellationToken.None));
    }

    [Fact]
    public async Task Erase_my_data_in_personal_chat_asks_first_and_erases_only_on_confirm()
    {
        await SeedAsync();
        var before = await _world.KeysAsync();

        var asked = await _world.Say(AliceInTeams, "ลบข้อมูลของฉัน");

        var card = Assert.Single(asked.Posts).Activity;
        var cardJson = JsonSerializer.Serialize(card.Attachments![0].Content);
        Assert.Contains(DataRightsCardVerbs.EraseConfirm, cardJson, StringComparison.Ordinal);
        Assert.Contains(DataRightsCardVerbs.EraseCancel, cardJson, StringComparison.Ordinal);
        Assert.Equal(before, await _world.KeysAsync());

        var cancelled = await _world.Execute(AliceInTeams, DataRightsCardVerbs.EraseCancel, Lang());
        Assert.Equal(200, cancelled.Response!.Status);
        Assert.Equal(before, await _world.KeysAsync());

        var confirmed = await _world.Execute(AliceInTeams, DataRightsCardVerbs.EraseConfirm, Lang());
        Assert.Equal(200, confirmed.Response!.Status);
        Assert.Contains(Strings(confirmed.Response!.Body!.Value), s => s.Contains("ลบข้อมูลของคุณแล้ว", StringComparison.Ordinal));
        await AssertAliceGoneFromWorkshopAsync();
        await AssertBobUntouchedAsync();
    }

    [Fact]
    public async Task The_confirm_button_erases_only_the_person_who_pressed_it_and_forged_card_data_erases_nobody()
    {
        await SeedAsync();

        // Card data naming someone else is not what the card wrote: refused before anything is read or erased.
        await _world.Execute(BobInTeams, DataRightsCardVerbs.EraseConfirm, new JsonObject { ["userKey"] = Alice, ["lang"] = "en" });

        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsSeeds.WorkshopId, Alice), CancellationToken.None));
        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsSeeds.WorkshopId, Bob), CancellationToken.None));

        await _world.Execute(BobInTeams, DataRightsCardVerbs.EraseConfirm, new JsonObject { ["lang"] = "en" });

        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsSeeds.WorkshopId, Alice), CancellationToken.None));
        Assert.Null(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsSeeds.WorkshopId, Bob), CancellationToken.None));
    }

    [Theory]
    [InlineData("erase my data")]
    [InlineData("  Erase   My Data. ")]
    [InlineData("ลบข้อมูลของฉัน")]
    public void The_erase_phrases_are_recognised_and_ordinary_answers_are_not(string text)
    {
        Assert.True(DataRightsCommands.IsEraseMine(text));
        Assert.False(DataRightsCommands.IsEraseMine("ลบข้อมูลซ้ำซ้อนระหว่างหน่วยงาน เพื่อให้ฐานข้อมูลตรงกัน"));
        Assert.False(DataRightsCommands.IsEraseMine("erase my data and more"));
    }

    [Fact]
    public async Task The_erase_phrase_reaches_data_rights_before_the_dialog_takes_it_as_an_answer()
    {
        // Alice is in the middle of the dialog: a typed message would otherwise be her next answer.
        await _world.PutParticipantAsync(DataRightsSeeds.WorkshopId, Alice, DataRightsSeeds.Record(DataRightsSeeds.WorkshopId, "เดิม", "เดิม") with { Status = ParticipantStatus.InProgress });
        var before = (await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsSeeds.WorkshopId, Alice), CancellationToken.None))!.ETag;

        var turn = await _world.Say(AliceInTeams, "erase my data");

        Assert.Contains(DataRightsCardVerbs.EraseConfirm, JsonSerializer.Serialize(Assert.Single(turn.Posts).Activity.Attachments![0].Content), StringComparison.Ordinal);
        Assert.Equal(before, (await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsSeeds.WorkshopId, Alice), CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task A_facilitator_erases_a_mentioned_participant_in_their_workshop_only()
    {
        await SeedAsync();

        var turn = await _world.SayInChannel(FacilitatorInTeams, "erase", [AliceInTeams]);

        Assert.Contains("ลบข้อมูลของผู้เข้าร่วมที่ระบุ", Assert.Single(turn.Posts).Activity.Text, StringComparison.Ordinal);
        await AssertAliceGoneFromWorkshopAsync();
        await AssertBobUntouchedAsync();
        // Her other workshop is not this facilitator's: it keeps her answers, and so the way to reach her.
        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsSeeds.OtherWorkshopId, Alice), CancellationToken.None));
        Assert.NotNull(await _world.Store.GetAsync(UserProfileStore.Key(Alice), CancellationToken.None));
    }

    [Fact]
    public async Task A_participant_who_is_not_a_facilitator_cannot_erase_someone_else()
    {
        await SeedAsync();
        var before = await _world.SnapshotAsync();

        var turn = await _world.SayInChannel(BobInTeams, "ลบข้อมูล", [AliceInTeams]);

        Assert.Contains("facilitator", Assert.Single(turn.Posts).Activity.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task Erase_without_a_mention_or_in_a_channel_without_a_workshop_changes_nothing()
    {
        await SeedAsync();
        var before = await _world.SnapshotAsync();

        var noTarget = await _world.SayInChannel(FacilitatorInTeams, "erase");
        var twoTargets = await _world.SayInChannel(FacilitatorInTeams, "erase", [AliceInTeams, BobInTeams]);
        var elsewhere = await _world.SayInChannel(FacilitatorInTeams, "erase", [AliceInTeams], channelId: "19:another@thread.tacv2");

        Assert.Contains("@", Assert.Single(noTarget.Posts).Activity.Text, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(twoTargets.Posts).Activity.Text);
        Assert.NotNull(Assert.Single(elsewhere.Posts).Activity.Text);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    /// <summary>Every string in a JSON value (texts of a card, whatever their escaping on the wire).</summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact]
    public async Task In_a_workshop_set_up_in_the_channel_its_facilitators_erase_and_others_are_refused()
    {
        await SeedAsync();
        // The channel's workshop is the facilitators' own record now, not only a follow-up plan.
        const string GroupFacilitator = "6f1c2f4e-0000-4000-8000-00000000f9f9";
        var record = await _world.PutWorkshopAsync(DataRightsSeeds.WorkshopId, AnswerVisibility.Named, [Facilitator]);
        await _world.Get<WorkshopStore>().UpdateAsync(record.Id, r => r with
        {
            Groups = [r.Groups[0] with { FacilitatorUserKeys = [GroupFacilitator] }, r.Groups[1]],
        }, CancellationToken.None);
        var before = await _world.SnapshotAsync();

        await _world.SayInChannel(BobInTeams, "erase", [AliceInTeams]);
        Assert.Equal(before, await _world.SnapshotAsync());

        // A group's facilitator runs their group, not the workshop: erasing people is not theirs (issue 15 item 5).
        var refused = await _world.SayInChannel(new Person("29:1groupfac", GroupFacilitator, "someone"), "erase", [AliceInTeams]);
        Assert.Contains("facilitator", Assert.Single(refused.Posts).Activity.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await _world.SnapshotAsync());

        var turn = await _world.SayInChannel(FacilitatorInTeams, "erase", [AliceInTeams]);
        Assert.Contains("ลบข้อมูลของผู้เข้าร่วมที่ระบุ", Assert.Single(turn.Posts).Activity.Text, StringComparison.Ordinal);
        await AssertAliceGoneFromWorkshopAsync();
        await AssertBobUntouchedAsync();
    }

    [Fact]
    public async Task Erasing_everything_also_forgets_which_workshop_the_personal_chat_answers_into()
    {
        await SeedAsync();
        await _world.Get<UserProfileStore>().JoinAsync(Alice, DataRightsSeeds.WorkshopId, "g1", personalChat: null, known: null, CancellationToken.None);

        await _world.Get<ParticipantDataEraser>().EraseEverywhereAsync(Alice, CancellationToken.None);

        Assert.Empty(await _world.KeysAsync(WorkshopKeys.UserPrefix(Alice)));
    }

    [Fact]
    public async Task A_damaged_ballot_does_not_stop_an_erasure()
    {
        await SeedAsync();
        await _world.Store.PutAsync(SummaryKeys.Ballot(DataRightsSeeds.WorkshopId, "g1"), BinaryData.FromString("{not json"), WriteCondition.None, CancellationToken.None);

        var result = await _world.Get<ParticipantDataEraser>().EraseEverywhereAsync(Alice, CancellationToken.None);

        Assert.True(result.ErasedAnything);
        await AssertAliceGoneFromWorkshopAsync();
        await AssertBobUntouchedAsync();
    }

    private static JsonObject Lang() => new() { ["lang"] = "th" };
}
