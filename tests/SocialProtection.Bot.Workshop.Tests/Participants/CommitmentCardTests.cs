using System.Text.Json;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Participants.Dialogs;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>A commitment is one card: what, who and by when together, then "add another" or "finish" (issue 17, item 9).</summary>
public sealed class CommitmentCardTests : IDisposable
{
    private readonly BotWorld _bot = ParticipantChat.NewBot();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task The_commitments_question_asks_what_who_and_by_when_on_one_card()
    {
        var alice = Person.Alice;
        var card = await OpenCommitments(alice);

        var inputs = AdaptiveCardReader.Elements(card)
            .Where(e => e.TryGetProperty("type", out var t) && t.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
            .Select(e => e.GetProperty("id").GetString()!)
            .ToArray();
        Assert.Equal([CardDataFields.CommitmentAction, CardDataFields.CommitmentOrganisation, CardDataFields.CommitmentDueDate], inputs);
        Assert.True(CardJson.HasAction(card, CardVerbs.AddCommitment), "add another");
        Assert.True(CardJson.HasAction(card, CardVerbs.Answer), "finish");
        Assert.Contains("บันทึก และเพิ่มอีกรายการ", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_another_saves_the_commitment_and_offers_an_empty_card_and_finish_saves_the_last_and_moves_on()
    {
        var alice = Person.Alice;
        var card = await OpenCommitments(alice);

        var added = await Press(alice, card, CardVerbs.AddCommitment, "อบรมเจ้าหน้าที่เรื่องฐานข้อมูล", "สำนักงานพัฒนาสังคม", "2026-06-15");
        card = added.PressedCard!.Value;
        Assert.Contains("อบรมเจ้าหน้าที่เรื่องฐานข้อมูล", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Null(InputValue(card, CardDataFields.CommitmentAction));
        Assert.Empty(added.SentCards);

        var finished = await Press(alice, card, CardVerbs.Answer, "จัดเวทีภาคีเครือข่าย", "กองการต่างประเทศ", "๓๑/๓/๒๕๖๙");

        var commitments = _bot.Stored(alice)!.Answers["commitments"].Commitments!;
        Assert.Equal(
            [("อบรมเจ้าหน้าที่เรื่องฐานข้อมูล", "สำนักงานพัฒนาสังคม", new DateOnly(2026, 6, 15)), ("จัดเวทีภาคีเครือข่าย", "กองการต่างประเทศ", new DateOnly(2026, 3, 31))],
            commitments.Select(c => (c.Action, c.Organisation, c.DueDate)));
        Assert.Equal(["c1", "c2"], commitments.Select(c => c.Id));
        Assert.Contains(finished.SentCards, c => CardJson.Text(c).Contains("ทบทวนคำตอบ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_field_or_a_past_date_keeps_what_was_typed_and_saves_nothing()
    {
        var alice = Person.Alice;
        var card = await OpenCommitments(alice);

        var missing = await Press(alice, card, CardVerbs.AddCommitment, "อบรมเจ้าหน้าที่", "", "2026-06-15");
        card = missing.PressedCard!.Value;
        Assert.Contains("โปรดกรอกให้ครบ", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Equal("อบรมเจ้าหน้าที่", InputValue(card, CardDataFields.CommitmentAction));

        var past = await Press(alice, card, CardVerbs.Answer, "อบรมเจ้าหน้าที่", "สำนักงานพัฒนาสังคม", "1/1/2569");
        Assert.Contains("2/3/2569", CardJson.Text(past.PressedCard!.Value), StringComparison.Ordinal);
        Assert.False(_bot.Stored(alice)!.Answers.ContainsKey("commitments"));
    }

    [Fact]
    public async Task Finish_with_nothing_filled_in_asks_for_a_commitment_when_one_is_required()
    {
        var alice = Person.Alice;
        var card = await OpenCommitments(alice);

        var finished = await Press(alice, card, CardVerbs.Answer, "", "", "");

        Assert.Contains("อย่างน้อย 1", CardJson.Text(finished.PressedCard!.Value), StringComparison.Ordinal);
        Assert.False(_bot.Stored(alice)!.Answers.ContainsKey("commitments"));
    }

    [Fact]
    public async Task On_an_optional_commitments_question_finish_with_nothing_moves_on_and_skip_keeps_commitments_made()
    {
        var path = Path.Combine(Path.GetTempPath(), "sp-bot-tests", "optional-commitments-" + Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, OptionalCommitmentsSet);
        using var bot = ParticipantChat.NewBot(questionSetPath: path);
        var alice = Person.Alice;
        var bob = Person.Bob;

        var aliceCard = (await bot.Say(alice, "เริ่ม")).CurrentCard;
        var finished = await bot.Execute(alice, aliceCard, CardVerbs.Answer, tamper: Fill("", "", ""));
        Assert.True(bot.Stored(alice)!.Answers["commitments"].Skipped);
        Assert.Contains(finished.SentCards, c => CardJson.Text(c).Contains("ทบทวนคำตอบ", StringComparison.Ordinal));

        var bobCard = (await bot.Say(bob, "เริ่ม")).CurrentCard;
        await bot.Execute(bob, bobCard, CardVerbs.AddCommitment, tamper: Fill("อบรมเจ้าหน้าที่", "สำนักงานพัฒนาสังคม", "2026-06-15"));
        await bot.Say(bob, "ข้าม");
        var kept = bot.Stored(bob)!.Answers["commitments"];
        Assert.False(kept.Skipped);
        Assert.Single(kept.Commitments!);
        File.Delete(path);
    }

    private const string OptionalCommitmentsSet = """
        {
          "id": "optional-commitments",
          "version": 1,
          "title": { "th": "ชุดทดสอบ", "en": "Test set" },
          "questions": [
            {
              "id": "commitments",
              "kind": "commitments",
              "required": false,
              "text": { "th": "คุณจะลงมือทำอะไร", "en": "What will you do?" }
            }
          ]
        }
        """;

    [Fact]
    public async Task Editing_a_commitment_shows_its_three_fields_on_one_card_and_keeps_its_id()
    {
        var alice = Person.Alice;
        var card = await OpenCommitments(alice);
        card = (await Press(alice, card, CardVerbs.AddCommitment, "อบรมเจ้าหน้าที่", "สำนักงานพัฒนาสังคม", "2026-06-15")).PressedCard!.Value;

        var edit = (await _bot.Execute(alice, card, CardVerbs.EditCommitment, match: d => d.GetProperty("index").GetInt32() == 0)).PressedCard!.Value;
        Assert.Equal("อบรมเจ้าหน้าที่", InputValue(edit, CardDataFields.CommitmentAction));
        Assert.Equal("สำนักงานพัฒนาสังคม", InputValue(edit, CardDataFields.CommitmentOrganisation));
        Assert.Equal("2026-06-15", InputValue(edit, CardDataFields.CommitmentDueDate));

        await Press(alice, edit, CardVerbs.Answer, "อบรมเจ้าหน้าที่ทุกจังหวัด", "สำนักงานปลัดกระทรวง", "2026-07-01");

        var saved = Assert.Single(_bot.Stored(alice)!.Answers["commitments"].Commitments!);
        Assert.Equal(("c1", "อบรมเจ้าหน้าที่ทุกจังหวัด", "สำนักงานปลัดกระทรวง", new DateOnly(2026, 7, 1)), (saved.Id, saved.Action, saved.Organisation, saved.DueDate));
    }

    [Fact]
    public async Task Save_for_later_keeps_the_unfinished_fields_and_brings_them_back()
    {
        var alice = Person.Alice;
        var card = await OpenCommitments(alice);

        await Press(alice, card, CardVerbs.Later, "อบรมเจ้าหน้าที่", "สำนักงาน", "");
        var resumed = (await _bot.Say(alice, "ทำต่อ")).CurrentCard;

        Assert.Equal("อบรมเจ้าหน้าที่", InputValue(resumed, CardDataFields.CommitmentAction));
        Assert.Equal("สำนักงาน", InputValue(resumed, CardDataFields.CommitmentOrganisation));
    }

    [Fact]
    public async Task A_record_stored_in_the_middle_of_the_old_three_step_commitment_still_reads_and_continues()
    {
        var alice = Person.Alice;
        await OpenCommitments(alice);
        // As the three-card version left it: the action typed, the organisation step open, a commitment saved before.
        var key = WorkshopKeys.Participant(ParticipantChat.WorkshopId, alice.AadObjectId);
        var record = _bot.Stored(alice)!;
        var lesson = record.Dialog.Top!;
        var child = DialogFrame.Start(DialogIds.Commitment, 1)
            .With("questionId", "commitments").With("index", "-1").With("action", "ข้อใหม่");
        record = record with
        {
            Answers = record.Answers.SetItem("commitments", new Answer
            {
                Kind = Core.Questions.QuestionKind.Commitments,
                Commitments = [new Commitment("c1", "เดิม", "หน่วยงานเดิม", new DateOnly(2026, 5, 1))],
                Revision = record.Revision,
            }),
            CommitmentsCreated = 1,
            Dialog = DialogStack.Of(lesson).Push(child),
        };
        await _bot.Store.PutAsync(key, BinaryData.FromObjectAsJson(record, StoredJson.Options), WriteCondition.None, CancellationToken.None);

        var card = (await _bot.Say(alice, "สำนักงานใหม่")).CurrentCard;
        Assert.Equal("ข้อใหม่", InputValue(card, CardDataFields.CommitmentAction));
        Assert.Equal("สำนักงานใหม่", InputValue(card, CardDataFields.CommitmentOrganisation));
        await _bot.Say(alice, "30/6/2569");

        var commitments = _bot.Stored(alice)!.Answers["commitments"].Commitments!;
        Assert.Equal(["c1", "c2"], commitments.Select(c => c.Id));
        Assert.Equal(("ข้อใหม่", "สำนักงานใหม่"), (commitments[1].Action, commitments[1].Organisation));
    }

    private async Task<JsonElement> OpenCommitments(Person user)
    {
        await _bot.Say(user, "start");
        var list = (await _bot.Say(user, "แก้ไข 11")).CurrentCard;
        Assert.Equal(10, _bot.Stored(user)!.Dialog.Top!.Step);
        return list;
    }

    private Task<BotTurn> Press(Person user, JsonElement card, string verb, string action, string organisation, string dueDate) =>
        _bot.Execute(user, card, verb, tamper: Fill(action, organisation, dueDate));

    /// <summary>What Teams sends for the card's three inputs.</summary>
    private static Action<System.Text.Json.Nodes.JsonObject> Fill(string action, string organisation, string dueDate) => data =>
    {
        data[CardDataFields.CommitmentAction] = action;
        data[CardDataFields.CommitmentOrganisation] = organisation;
        data[CardDataFields.CommitmentDueDate] = dueDate;
    };

    private static string? InputValue(JsonElement card, string id) => AdaptiveCardReader.Elements(card)
        .Where(e => e.TryGetProperty("id", out var i) && i.GetString() == id && e.TryGetProperty("type", out _))
        .Select(e => e.TryGetProperty("value", out var v) ? v.GetString() : null)
        .First();
}
