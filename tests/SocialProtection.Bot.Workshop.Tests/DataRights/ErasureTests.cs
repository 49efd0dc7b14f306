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

    private readonly DataRightsWorld _world = new();
    private string _aliceReminder = "";
    private string _bobReminder = "";

    public void Dispose() => _world.Dispose();

    private async Task SeedAsync()
    {
        var w = DataRightsWorld.WorkshopId;
        await _world.PutPlanAsync(w, [Facilitator]);
        await _world.PutParticipantAsync(w, Alice, DataRightsWorld.Record(w, "อลิซ: ทำงานกับเครือข่าย", AliceLeverage, new Commitment("c1", "จัดประชุม", "พม.", new DateOnly(2027, 3, 31))));
        await _world.PutParticipantAsync(w, Bob, DataRightsWorld.Record(w, "บ็อบ: ทำงานกับชุมชน", BobLeverage, new Commitment("c1", "ทำรายงาน", "สสส.", new DateOnly(2027, 4, 30))));
        await _world.PutParticipantAsync(DataRightsWorld.OtherWorkshopId, Alice, DataRightsWorld.Record(DataRightsWorld.OtherWorkshopId, "อีกเวที", "อีกเรื่อง"));
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
        _world.Members.AadByTeamsId[AliceTeams] = Alice;
        _world.Members.AadByTeamsId[BobTeams] = Bob;
    }

    private async Task AssertBobUntouchedAsync()
    {
        var w = DataRightsWorld.WorkshopId;
        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.Participant(w, Bob), CancellationToken.None));
        Assert.NotNull(await _world.FollowUps.GetPartnerAsync(w, Bob, CancellationToken.None));
        Assert.NotNull(await _world.Store.GetAsync(_bobReminder, CancellationToken.None));
        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.PersonalConversation(Bob), CancellationToken.None));
        Assert.NotNull(await _world.Store.GetAsync(SummaryKeys.Vote(w, null, Bob), CancellationToken.None));
        var ballot = await _world.Get<DotVoteStore>().GetBallotAsync(w, null, CancellationToken.None);
        Assert.NotNull(ballot);
        Assert.True(ballot.IsEligible(Bob));
        Assert.Contains(ballot.Candidates, c => c.Text == BobLeverage);
    }

    private async Task AssertAliceGoneFromWorkshopAsync()
    {
        var w = DataRightsWorld.WorkshopId;
        Assert.Null(await _world.Store.GetAsync(WorkshopKeys.Participant(w, Alice), CancellationToken.None));
        Assert.Null(await _world.FollowUps.GetPartnerAsync(w, Alice, CancellationToken.None));
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
            if (!key.Contains("/" + DataRightsWorld.OtherWorkshopId + "/", StringComparison.Ordinal))
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
        Assert.Null(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsWorld.OtherWorkshopId, Alice), CancellationToken.None));
        Assert.Null(await _world.Store.GetAsync(WorkshopKeys.PersonalConversation(Alice), CancellationToken.None));
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
        Assert.NotNull(await _world.Get<GroupSummaryStore>().GetAsync(DataRightsWorld.WorkshopId, null, CancellationToken.None));
    }

    [Fact]
    public async Task Erase_my_data_in_personal_chat_asks_first_and_erases_only_on_confirm()
    {
        await SeedAsync();
        var before = await _world.KeysAsync();

        var asked = await SendAsync(Personal(Alice, AliceTeams, "ลบข้อมูลของฉัน"));

        var card = Assert.Single(asked.Sent);
        var cardJson = JsonSerializer.Serialize(card.Attachments![0].Content);
        Assert.Contains(DataRightsCardVerbs.EraseConfirm, cardJson, StringComparison.Ordinal);
        Assert.Contains(DataRightsCardVerbs.EraseCancel, cardJson, StringComparison.Ordinal);
        Assert.Equal(before, await _world.KeysAsync());

        var cancelled = await InvokeAsync(Alice, AliceTeams, DataRightsCardVerbs.EraseCancel);
        Assert.Equal(200, cancelled.Status);
        Assert.Equal(before, await _world.KeysAsync());

        var confirmed = await InvokeAsync(Alice, AliceTeams, DataRightsCardVerbs.EraseConfirm);
        Assert.Equal(200, confirmed.Status);
        Assert.Contains(Strings(confirmed.Body!.Value), s => s.Contains("ลบข้อมูลของคุณแล้ว", StringComparison.Ordinal));
        await AssertAliceGoneFromWorkshopAsync();
        await AssertBobUntouchedAsync();
    }

    [Fact]
    public async Task The_confirm_button_erases_only_the_person_who_pressed_it_and_forged_card_data_erases_nobody()
    {
        await SeedAsync();

        // Card data naming someone else is not what the card wrote: refused before anything is read or erased.
        await InvokeAsync(Bob, BobTeams, DataRightsCardVerbs.EraseConfirm, new JsonObject { ["userKey"] = Alice, ["lang"] = "en" });

        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsWorld.WorkshopId, Alice), CancellationToken.None));
        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsWorld.WorkshopId, Bob), CancellationToken.None));

        await InvokeAsync(Bob, BobTeams, DataRightsCardVerbs.EraseConfirm, new JsonObject { ["lang"] = "en" });

        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsWorld.WorkshopId, Alice), CancellationToken.None));
        Assert.Null(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsWorld.WorkshopId, Bob), CancellationToken.None));
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
        await _world.PutParticipantAsync(DataRightsWorld.WorkshopId, Alice, DataRightsWorld.Record(DataRightsWorld.WorkshopId, "เดิม", "เดิม") with { Status = ParticipantStatus.InProgress });
        var before = (await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsWorld.WorkshopId, Alice), CancellationToken.None))!.ETag;

        var turn = await SendAsync(Personal(Alice, AliceTeams, "erase my data"));

        Assert.Contains(DataRightsCardVerbs.EraseConfirm, JsonSerializer.Serialize(Assert.Single(turn.Sent).Attachments![0].Content), StringComparison.Ordinal);
        Assert.Equal(before, (await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsWorld.WorkshopId, Alice), CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task A_facilitator_erases_a_mentioned_participant_in_their_workshop_only()
    {
        await SeedAsync();

        var turn = await SendAsync(Channel(Facilitator, FacilitatorTeams, "erase <at>Alice</at>", (AliceTeams, "Alice")));

        Assert.Contains("ลบข้อมูลของผู้เข้าร่วมที่ระบุ", Assert.Single(turn.Sent).Text, StringComparison.Ordinal);
        await AssertAliceGoneFromWorkshopAsync();
        await AssertBobUntouchedAsync();
        // Her other workshop is not this facilitator's: it keeps her answers, and so the way to reach her.
        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.Participant(DataRightsWorld.OtherWorkshopId, Alice), CancellationToken.None));
        Assert.NotNull(await _world.Store.GetAsync(WorkshopKeys.PersonalConversation(Alice), CancellationToken.None));
    }

    [Fact]
    public async Task A_participant_who_is_not_a_facilitator_cannot_erase_someone_else()
    {
        await SeedAsync();
        var before = await SnapshotAsync();

        var turn = await SendAsync(Channel(Bob, BobTeams, "ลบข้อมูล <at>Alice</at>", (AliceTeams, "Alice")));

        Assert.Contains("facilitator", Assert.Single(turn.Sent).Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Erase_without_a_mention_or_in_a_channel_without_a_workshop_changes_nothing()
    {
        await SeedAsync();
        var before = await SnapshotAsync();

        var noTarget = await SendAsync(Channel(Facilitator, FacilitatorTeams, "erase"));
        var twoTargets = await SendAsync(Channel(Facilitator, FacilitatorTeams, "erase <at>Alice</at> <at>Bob</at>", (AliceTeams, "Alice"), (BobTeams, "Bob")));
        var elsewhere = await SendAsync(Channel(Facilitator, FacilitatorTeams, "erase <at>Alice</at>", conversationId: "19:another@thread.tacv2", mentions: [(AliceTeams, "Alice")]));

        Assert.Contains("@", Assert.Single(noTarget.Sent).Text, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(twoTargets.Sent).Text);
        Assert.NotNull(Assert.Single(elsewhere.Sent).Text);
        Assert.Equal(before, await SnapshotAsync());
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
        var record = await _world.PutWorkshopAsync(DataRightsWorld.WorkshopId, AnswerVisibility.Named, [Facilitator]);
        await _world.Get<WorkshopStore>().UpdateAsync(record.Id, r => r with
        {
            Groups = [r.Groups[0] with { FacilitatorUserKeys = [GroupFacilitator] }, r.Groups[1]],
        }, CancellationToken.None);
        var before = await SnapshotAsync();

        await SendAsync(Channel(Bob, BobTeams, "erase <at>Alice</at>", (AliceTeams, "Alice")));
        Assert.Equal(before, await SnapshotAsync());

        // A group's facilitator runs their group, not the workshop: erasing people is not theirs (issue 15 item 5).
        var refused = await SendAsync(Channel(GroupFacilitator, "29:1groupfac", "erase <at>Alice</at>", (AliceTeams, "Alice")));
        Assert.Contains("facilitator", Assert.Single(refused.Sent).Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await SnapshotAsync());

        var turn = await SendAsync(Channel(Facilitator, FacilitatorTeams, "erase <at>Alice</at>", (AliceTeams, "Alice")));
        Assert.Contains("ลบข้อมูลของผู้เข้าร่วมที่ระบุ", Assert.Single(turn.Sent).Text, StringComparison.Ordinal);
        await AssertAliceGoneFromWorkshopAsync();
        await AssertBobUntouchedAsync();
    }

    [Fact]
    public async Task Erasing_everything_also_forgets_which_workshop_the_personal_chat_answers_into()
    {
        await SeedAsync();
        await _world.Json.WriteAsync(WorkshopKeys.ActiveWorkshop(Alice), new ActiveWorkshop { WorkshopId = DataRightsWorld.WorkshopId, GroupId = "g1" }, WriteCondition.None, CancellationToken.None);

        await _world.Get<ParticipantDataEraser>().EraseEverywhereAsync(Alice, CancellationToken.None);

        Assert.Empty(await _world.KeysAsync(WorkshopKeys.PersonalConversation(Alice)[..(WorkshopKeys.PersonalConversation(Alice).LastIndexOf('/') + 1)]));
    }

    [Fact]
    public async Task A_damaged_ballot_does_not_stop_an_erasure()
    {
        await SeedAsync();
        await _world.Store.PutAsync(SummaryKeys.Ballot(DataRightsWorld.WorkshopId, "g1"), BinaryData.FromString("{not json"), WriteCondition.None, CancellationToken.None);

        var result = await _world.Get<ParticipantDataEraser>().EraseEverywhereAsync(Alice, CancellationToken.None);

        Assert.True(result.ErasedAnything);
        await AssertAliceGoneFromWorkshopAsync();
        await AssertBobUntouchedAsync();
    }

    private async Task<List<(string Key, string ETag)>> SnapshotAsync()
    {
        var snapshot = new List<(string, string)>();
        await foreach (var info in _world.Store.ListAsync("", CancellationToken.None))
        {
            snapshot.Add((info.Key, info.ETag));
        }
        return snapshot;
    }

    private async Task<RecordingTurnContext> SendAsync(Activity activity)
    {
        var turn = new RecordingTurnContext(activity);
        await _world.Router.OnTurnAsync(turn, CancellationToken.None);
        return turn;
    }

    private async Task<InvokeResponse> InvokeAsync(string userKey, string teamsId, string verb, JsonObject? data = null)
    {
        var value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject { ["lang"] = "th" } },
            ["trigger"] = "manual",
        };
        var activity = Personal(userKey, teamsId, null) with
        {
            Type = ActivityTypes.Invoke,
            Name = ActivityRouter.AdaptiveCardActionInvoke,
            Value = JsonSerializer.SerializeToElement(value),
        };
        var response = await _world.Router.OnTurnAsync(new RecordingTurnContext(activity), CancellationToken.None);
        return response!;
    }

    private static Activity Personal(string userKey, string teamsId, string? text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "act-" + Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = "https://smba.example/teams/",
        From = new ChannelAccount { Id = teamsId, AadObjectId = userKey, Name = "someone" },
        Recipient = new ChannelAccount { Id = DataRightsWorld.BotId },
        Conversation = new ConversationAccount { Id = "a:" + teamsId, ConversationType = "personal" },
        Locale = "th-TH",
        Text = text,
    };

    private static Activity Channel(string userKey, string teamsId, string text, params (string Id, string Name)[] mentions) =>
        Channel(userKey, teamsId, text, DataRightsWorld.ChannelId + ";messageid=1700000000000", mentions);

    private static Activity Channel(string userKey, string teamsId, string text, string conversationId, (string Id, string Name)[] mentions) => new()
    {
        Type = ActivityTypes.Message,
        Id = "act-" + Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = "https://smba.example/teams/",
        From = new ChannelAccount { Id = teamsId, AadObjectId = userKey, Name = "someone" },
        Recipient = new ChannelAccount { Id = DataRightsWorld.BotId },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "channel", IsGroup = true },
        Locale = "th-TH",
        Text = text,
        // As Teams sends them: the bot's own mention (already stripped from the text) and the people named.
        Entities = [
            new Entity { Type = Entity.MentionType, Mentioned = new ChannelAccount { Id = DataRightsWorld.BotId, Name = "Bot" }, Text = "<at>Bot</at>" },
            .. mentions.Select(m => new Entity { Type = Entity.MentionType, Mentioned = new ChannelAccount { Id = m.Id, Name = m.Name }, Text = $"<at>{m.Name}</at>" }),
        ],
    };
}
