using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Participants.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>
/// Issue 15 item 6 (workshop part): a participant whose stored record cannot be read is told so, with a code, instead of
/// "try again" for ever; a facilitator lists damaged records by that code and moves one aside or erases it. Nothing else
/// is touched.
/// </summary>
public sealed class DamagedRecordTests : IAsyncDisposable
{
    private const string DamagedThai = "คำตอบที่บันทึกไว้ของคุณในเวิร์กชอปนี้เสียหายจนอ่านไม่ได้";
    private const string DamagedEnglish = "your saved answers for this workshop are damaged and cannot be read, so trying again will not help";
    private const string TryAgainEnglish = "Please try again in a moment";
    private static readonly BinaryData Garbage = BinaryData.FromString("{\"workshopId\": \"half a reco");

    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_participant_whose_record_is_damaged_is_told_so_with_its_code_every_time_and_nothing_is_written()
    {
        var (workshop, key) = await DamageAlicesRecordAsync();
        var before = await _world.SnapshotAsync();

        var first = await _world.Say(Person.Alice, "ข้อดีคือมีเครือข่าย");
        var second = await _world.Say(Person.Alice, "help");
        var pressed = await _world.Execute(Person.Alice, CardVerbs.Continue, new System.Text.Json.Nodes.JsonObject { ["workshop"] = workshop.Id }, cardMessageId: "personal-card");

        foreach (var text in new[] { Assert.Single(first.Texts), Assert.Single(second.Texts), pressed.InvokeText! })
        {
            Assert.Contains(DamagedThai, text, StringComparison.Ordinal);
            Assert.Contains(DamagedEnglish, text, StringComparison.Ordinal);
            Assert.True(text.IndexOf(DamagedThai, StringComparison.Ordinal) < text.IndexOf(DamagedEnglish, StringComparison.Ordinal), "Thai first");
            Assert.Contains(DamagedRecordCode.Of(key), text, StringComparison.Ordinal);
            Assert.DoesNotContain(TryAgainEnglish, text, StringComparison.Ordinal);
        }
        Assert.Equal(before, await _world.SnapshotAsync());
        Assert.Equal(Garbage.ToString(), (await _world.Store.GetAsync(key, CancellationToken.None))!.Content.ToString());
    }

    [Fact]
    public async Task A_facilitator_lists_damaged_records_by_code_and_moves_one_aside_so_its_participant_starts_again()
    {
        var (workshop, key) = await DamageAlicesRecordAsync();
        var code = DamagedRecordCode.Of(key);
        var bobKey = WorkshopKeys.Participant(workshop.Id, Person.Bob.AadObjectId);
        var bobBefore = (await _world.Store.GetAsync(bobKey, CancellationToken.None))!.ETag;

        var list = await _world.SayInChannel(Person.Facilitator, "ข้อมูลเสีย");
        var repair = await _world.SayInChannel(Person.Facilitator, "records repair " + code);
        var listAgain = await _world.SayInChannel(Person.Facilitator, "records broken");
        var restart = await _world.Say(Person.Alice, "เริ่ม");

        var listed = Assert.Single(list.Texts);
        Assert.Contains("1 participant record(s) cannot be read (codes): " + code, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(Person.Alice.AadObjectId, listed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Damaged record " + code + " was moved aside", Assert.Single(repair.Texts), StringComparison.Ordinal);
        Assert.Contains("No participant record of this workshop is damaged.", Assert.Single(listAgain.Texts), StringComparison.Ordinal);
        var aside = await _world.Store.GetAsync("damaged/" + key, CancellationToken.None);
        Assert.Equal(Garbage.ToString(), aside!.Content.ToString());
        Assert.Equal(bobBefore, (await _world.Store.GetAsync(bobKey, CancellationToken.None))!.ETag);
        Assert.NotEmpty(restart.Posts.SelectMany(p => p.Cards));
        Assert.NotNull(_world.Stored(Person.Alice, workshop.Id));
    }

    [Fact]
    public async Task A_facilitator_erases_a_damaged_record_but_no_code_can_reach_a_good_record()
    {
        var (workshop, key) = await DamageAlicesRecordAsync();
        var bobKey = WorkshopKeys.Participant(workshop.Id, Person.Bob.AadObjectId);
        var before = await _world.SnapshotAsync();

        var good = await _world.SayInChannel(Person.Facilitator, "records erase " + DamagedRecordCode.Of(bobKey));
        var nonsense = await _world.SayInChannel(Person.Facilitator, "ล้างข้อมูลเสีย ../../x");

        Assert.Contains("No damaged record has the code", Assert.Single(good.Texts), StringComparison.Ordinal);
        Assert.Contains("No damaged record has the code", Assert.Single(nonsense.Texts), StringComparison.Ordinal);
        Assert.Equal(before, await _world.SnapshotAsync());

        var erase = await _world.SayInChannel(Person.Facilitator, "ล้างข้อมูลเสีย " + DamagedRecordCode.Of(key));

        Assert.Contains("ลบข้อมูลที่เสียหาย", Assert.Single(erase.Texts), StringComparison.Ordinal);
        Assert.Null(await _world.Store.GetAsync(key, CancellationToken.None));
        Assert.Null(await _world.Store.GetAsync("damaged/" + key, CancellationToken.None));
        Assert.NotNull(await _world.Store.GetAsync(bobKey, CancellationToken.None));
    }

    [Fact]
    public async Task Only_facilitators_of_the_whole_workshop_see_or_repair_damaged_records()
    {
        var (_, key) = await DamageAlicesRecordAsync();
        _world.AddMember(Person.Colleague);
        await _world.SayInChannel(Person.Facilitator, "facilitator add กลุ่ม 1", [Person.Colleague]);
        var before = await _world.SnapshotAsync();

        var outsider = await _world.SayInChannel(Person.Carol, "records broken");
        var groupFacilitator = await _world.SayInChannel(Person.Colleague, "records repair " + DamagedRecordCode.Of(key));

        Assert.Contains("Only this workshop's facilitators can do this", Assert.Single(outsider.Texts), StringComparison.Ordinal);
        Assert.Contains("needs a facilitator of the whole workshop", Assert.Single(groupFacilitator.Texts), StringComparison.Ordinal);
        Assert.DoesNotContain(DamagedRecordCode.Of(key), outsider.Texts[0], StringComparison.Ordinal);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task A_record_written_by_a_newer_bot_is_not_damaged_it_is_neither_listed_nor_moved_aside()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop);
        var key = WorkshopKeys.Participant(workshop.Id, Person.Alice.AadObjectId);
        var document = System.Text.Json.Nodes.JsonNode.Parse((await _world.Store.GetAsync(key, CancellationToken.None))!.Content.ToString())!.AsObject();
        document["schemaVersion"] = ParticipantRecord.CurrentSchemaVersion + 1;
        await _world.Store.PutAsync(key, BinaryData.FromString(document.ToJsonString()), WriteCondition.None, CancellationToken.None);
        var before = await _world.SnapshotAsync();

        var list = await _world.SayInChannel(Person.Facilitator, "records broken");
        var repair = await _world.SayInChannel(Person.Facilitator, "records repair " + DamagedRecordCode.Of(key));
        var participant = await _world.Say(Person.Alice, "คำตอบ");

        Assert.Contains("No participant record of this workshop is damaged.", Assert.Single(list.Texts), StringComparison.Ordinal);
        Assert.Contains("No damaged record has the code", Assert.Single(repair.Texts), StringComparison.Ordinal);
        Assert.DoesNotContain(DamagedThai, Assert.Single(participant.Texts), StringComparison.Ordinal);
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    private async Task<(WorkshopRecord Workshop, string Key)> DamageAlicesRecordAsync()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop);
        await _world.JoinAsync(Person.Bob, workshop);
        var key = WorkshopKeys.Participant(workshop.Id, Person.Alice.AadObjectId);
        await _world.Store.PutAsync(key, Garbage, WriteCondition.None, CancellationToken.None);
        return (workshop, key);
    }
}
