using System.Text;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Participants.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

public sealed class ParticipantFlowTests : IDisposable
{
    // Thai with tone marks, SARA AM, Thai digits, markdown and link syntax, an emoji and a line break: stored as typed.
    private const string GoodPractices = "การทำงานร่วมกับเครือข่ายในพื้นที่ ๓ จังหวัด **ได้ผลดี** [ลิงก์](https://example.org) 👍\nทำต่อเนื่องมา ๒ ปี";
    private const string Obstacles = "งบประมาณกระจัดกระจาย และการทำงานแบบแยกส่วน (silo) ครั้งหน้าควรวางแผนร่วมกันตั้งแต่ต้น";
    private const string ObstaclesEdited = "ทำงานแยกส่วนกันมาก ครั้งหน้าจัดเวทีวางแผนร่วมกันทุกไตรมาส";
    private const string Leverage = "ฐานข้อมูลผู้รับสวัสดิการร่วมกันระหว่างหน่วยงาน น้ำหนักสำคัญที่สุด";
    private const string Financing = "จัดสรรภาษีบาปบางส่วนเข้ากองทุนคุ้มครองทางสังคม";
    private const string MechanismDraft = "คณะกรรมการเพื่อการคุ้มครองทางสังคม (กพค.) มีนายกรัฐมนตรีเป็นประธาน";
    private const string CommitmentAction = "จัดประชุมภาคีเครือข่ายเพื่อทบทวนฐานข้อมูลร่วม";
    private const string CommitmentOrganisation = "กองการต่างประเทศ สป.พม.";

    private readonly BotWorld _bot = ParticipantChat.NewBot();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_participant_answers_every_kind_goes_back_skips_pauses_resumes_after_a_restart_edits_and_submits()
    {
        var alice = Person.Alice;

        var start = await _bot.Say(alice, "เริ่ม");
        Assert.Contains(start.Texts, t => t.Contains("ถอดบทเรียน", StringComparison.Ordinal));
        var card = start.CurrentCard;
        Assert.Contains("ข้อ 1 / 11", CardJson.Text(card), StringComparison.Ordinal);

        // 1 single choice (card)
        var step = await _bot.Execute(alice, card, CardVerbs.Answer, "civilSociety");
        Assert.Contains("ภาคประชาสังคม", CardJson.Text(step.PressedCard!.Value), StringComparison.Ordinal);
        Assert.Contains("ตอบแล้ว", CardJson.Text(step.PressedCard!.Value), StringComparison.Ordinal);
        card = step.CurrentCard;

        // 2 long text (card)
        card = (await _bot.Execute(alice, card, CardVerbs.Answer, GoodPractices)).CurrentCard;

        // 3 long text typed in the chat while the question is open
        var typed = await _bot.Say(alice, Obstacles);
        card = typed.CurrentCard;
        Assert.Contains("ข้อ 4 / 11", CardJson.Text(card), StringComparison.Ordinal);

        // Back from 4 to 3: the card turns into question 3 with the answer in the field; a new answer replaces it.
        var back = await _bot.Execute(alice, card, CardVerbs.Back);
        card = back.PressedCard!.Value;
        Assert.Contains("ข้อ 3 / 11", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Equal(Obstacles, CardJson.InputValue(card));
        card = (await _bot.Execute(alice, card, CardVerbs.Answer, ObstaclesEdited)).CurrentCard;
        Assert.Contains("ข้อ 4 / 11", CardJson.Text(card), StringComparison.Ordinal);

        card = (await _bot.Execute(alice, card, CardVerbs.Answer, Leverage)).CurrentCard;
        // 5 multiple choice, optional
        card = (await _bot.Execute(alice, card, CardVerbs.Answer, "olderPersons,children")).CurrentCard;
        card = (await _bot.Execute(alice, card, CardVerbs.Answer, Financing)).CurrentCard;
        // 7 optional: skipped
        var skipped = await _bot.Execute(alice, card, CardVerbs.Skip);
        Assert.Contains("ข้ามไว้", CardJson.Text(skipped.PressedCard!.Value), StringComparison.Ordinal);
        card = skipped.CurrentCard;
        // 8: half-typed, then "save and continue later"
        var paused = await _bot.Execute(alice, card, CardVerbs.Later, MechanismDraft);
        Assert.Contains("บันทึกไว้แล้ว", CardJson.Text(paused.PressedCard!.Value), StringComparison.Ordinal);
        Assert.Equal(ParticipantStatus.Paused, _bot.Stored(alice)!.Status);

        // The bot restarts: a fresh process over the same store resumes exactly there, draft included.
        using (var restarted = _bot.AnotherInstance())
        {
            var resumed = await restarted.Say(alice, "ทำต่อ");
            card = resumed.CurrentCard;
            Assert.Contains("ข้อ 8 / 11", CardJson.Text(card), StringComparison.Ordinal);
            Assert.Equal(MechanismDraft, CardJson.InputValue(card));

            card = (await restarted.Execute(alice, card, CardVerbs.Answer, MechanismDraft)).CurrentCard;
            // 9 rating, typed with a Thai digit
            card = (await restarted.Say(alice, "๔")).CurrentCard;
            // 10 date, typed in Buddhist era with Thai digits
            Assert.Equal("Input.Date", CardJson.InputType(card));
            card = (await restarted.Say(alice, "๓๑/๑๒/๒๕๖๙")).CurrentCard;
            Assert.Contains("ข้อ 11 / 11", CardJson.Text(card), StringComparison.Ordinal);

            // 11 commitments: add one through the three-step sub-dialog, in place on the same card.
            card = (await restarted.Execute(alice, card, CardVerbs.AddCommitment)).PressedCard!.Value;
            card = (await restarted.Execute(alice, card, CardVerbs.Answer, CommitmentAction)).PressedCard!.Value;
            card = (await restarted.Execute(alice, card, CardVerbs.Answer, CommitmentOrganisation)).PressedCard!.Value;
            var list = await restarted.Execute(alice, card, CardVerbs.Answer, "2026-12-31");
            card = list.PressedCard!.Value;
            Assert.Contains(CommitmentAction, CardJson.Text(card), StringComparison.Ordinal);
            Assert.Contains("ธันวาคม พ.ศ. 2569", CardJson.Text(card), StringComparison.Ordinal);

            var review = await restarted.Execute(alice, card, CardVerbs.Answer);
            Assert.NotEmpty(review.SentCards);
            Assert.True(CardJson.HasAction(review.SentCards[^1], CardVerbs.Submit));
        }

        // Edit question 2 afterwards by command; after the new answer the review comes back.
        var edit = await _bot.Say(alice, "แก้ไข 2");
        card = edit.CurrentCard;
        Assert.Equal(GoodPractices, CardJson.InputValue(card));
        var edited = await _bot.Execute(alice, card, CardVerbs.Answer, GoodPractices + " (แก้ไข)");
        var reviewCard = edited.SentCards[^1];
        Assert.Contains("ทบทวนคำตอบ", CardJson.Text(reviewCard), StringComparison.Ordinal);

        var submitted = await _bot.Execute(alice, reviewCard, CardVerbs.Submit);
        Assert.Contains("ขอบคุณ", CardJson.Text(submitted.PressedCard!.Value), StringComparison.Ordinal);

        var record = _bot.Stored(alice)!;
        Assert.Equal(ParticipantStatus.Submitted, record.Status);
        Assert.NotNull(record.SubmittedAt);
        Assert.Equal(["civilSociety"], record.Answers["organisationType"].Choices);
        Assert.Equal(GoodPractices + " (แก้ไข)", record.Answers["goodPractices"].Text);
        Assert.Equal(ObstaclesEdited, record.Answers["obstacles"].Text);
        Assert.Equal(Leverage, record.Answers["leveragePoints"].Text);
        Assert.Equal(["children", "olderPersons"], record.Answers["priorityGroups"].Choices);
        Assert.Equal(Financing, record.Answers["domesticFinancing"].Text);
        Assert.True(record.Answers["strategyRecommendations"].Skipped);
        Assert.Equal(MechanismDraft, record.Answers["mechanismRecommendations"].Text);
        Assert.Equal(4, record.Answers["networkReadiness"].Rating);
        Assert.Equal(new DateOnly(2026, 12, 31), record.Answers["followUpDate"].Date);
        var commitment = Assert.Single(record.Answers["commitments"].Commitments!);
        Assert.Equal((CommitmentAction, CommitmentOrganisation, new DateOnly(2026, 12, 31)), (commitment.Action, commitment.Organisation, commitment.DueDate));
        Assert.Empty(record.Drafts);

        // Byte for byte: the stored JSON holds the Thai text as UTF-8, unescaped and unaltered.
        var raw = _bot.StoredRaw(alice)!.Content.ToArray();
        var json = Encoding.UTF8.GetString(raw);
        Assert.Contains(Leverage, json, StringComparison.Ordinal);
        Assert.True(IndexOf(raw, Encoding.UTF8.GetBytes(Leverage)) >= 0);
    }

    [Fact]
    public async Task Action_Submit_from_Teams_mobile_goes_through_the_same_handler_and_updates_the_card_in_place()
    {
        var alice = Person.Alice;
        var start = await _bot.Say(alice, "start");
        var card = start.CurrentCard;
        // Teams sends the pressed card's message id as replyToId: the id the card was sent as.
        var firstCardId = start.SentCardIds[^1];

        var first = await _bot.Submit(alice, card, CardVerbs.Answer, "government", cardMessageId: firstCardId);
        var updated = Assert.Single(first.Updates);
        Assert.Equal(firstCardId, updated.Id);
        Assert.Contains("หน่วยงานภาครัฐ", CardJson.Text(first.PressedCard!.Value), StringComparison.Ordinal);
        card = first.CurrentCard;
        var secondCardId = first.SentCardIds[^1];

        var invalid = await _bot.Submit(alice, card, CardVerbs.Answer, "   ", cardMessageId: secondCardId);
        Assert.Contains("ข้อนี้ต้องตอบ", CardJson.Text(invalid.PressedCard!.Value), StringComparison.Ordinal);

        await _bot.Submit(alice, invalid.PressedCard!.Value, CardVerbs.Answer, GoodPractices, cardMessageId: secondCardId);
        var record = _bot.Stored(alice)!;
        Assert.Equal(["government"], record.Answers["organisationType"].Choices);
        Assert.Equal(GoodPractices, record.Answers["goodPractices"].Text);
    }

    [Fact]
    public async Task A_validation_error_is_shown_on_the_same_card_with_the_typed_text_still_in_the_field()
    {
        var alice = Person.Alice;
        var card = (await _bot.Say(alice, "start")).CurrentCard;
        card = (await _bot.Execute(alice, card, CardVerbs.Answer, "government")).CurrentCard;
        var tooLong = string.Concat(Enumerable.Repeat("ก้ำ", 2001));

        var result = await _bot.Execute(alice, card, CardVerbs.Answer, tooLong);

        var errorCard = result.PressedCard!.Value;
        Assert.Contains("ยาวเกินไป", CardJson.Text(errorCard), StringComparison.Ordinal);
        Assert.Contains("2001", CardJson.Text(errorCard), StringComparison.Ordinal);
        Assert.Equal(tooLong, CardJson.InputValue(errorCard));
        Assert.Empty(result.SentCards);
        Assert.False(_bot.Stored(alice)!.Answers.ContainsKey("goodPractices"));

        // Exactly at the limit (2,000 characters of three code units each) is accepted.
        var atLimit = string.Concat(Enumerable.Repeat("ก้ำ", 2000));
        await _bot.Execute(alice, errorCard, CardVerbs.Answer, atLimit);
        Assert.Equal(atLimit, _bot.Stored(alice)!.Answers["goodPractices"].Text);
    }

    [Fact]
    public async Task A_mistyped_date_comes_back_in_a_text_field_with_what_was_typed()
    {
        var alice = Person.Alice;
        await _bot.Say(alice, "start");
        var card = (await _bot.Say(alice, "แก้ไข 10")).CurrentCard;
        Assert.Equal("Input.Date", CardJson.InputType(card));

        var result = await _bot.Say(alice, "31/13/2569");

        var errorCard = result.CurrentCard;
        Assert.Contains("อ่านวันที่ไม่ได้", CardJson.Text(errorCard), StringComparison.Ordinal);
        Assert.Equal("Input.Text", CardJson.InputType(errorCard));
        Assert.Equal("31/13/2569", CardJson.InputValue(errorCard));

        await _bot.Say(alice, "2026-12-31");
        Assert.Equal(new DateOnly(2026, 12, 31), _bot.Stored(alice)!.Answers["followUpDate"].Date);
    }

    [Fact]
    public async Task Rating_and_choices_must_be_among_what_the_question_offers()
    {
        var alice = Person.Alice;
        var card = (await _bot.Say(alice, "start")).CurrentCard;
        var wrong = await _bot.Execute(alice, card, CardVerbs.Answer, "ministry-of-magic");
        Assert.Contains("โปรดเลือก", CardJson.Text(wrong.PressedCard!.Value), StringComparison.Ordinal);
        Assert.Empty(_bot.Stored(alice)!.Answers);

        var rating = (await _bot.Say(alice, "edit 9")).CurrentCard;
        var six = await _bot.Execute(alice, rating, CardVerbs.Answer, "6");
        Assert.Contains("1 ถึง 5", CardJson.Text(six.PressedCard!.Value), StringComparison.Ordinal);
        await _bot.Execute(alice, six.PressedCard!.Value, CardVerbs.Answer, "5");
        Assert.Equal(5, _bot.Stored(alice)!.Answers["networkReadiness"].Rating);
    }

    [Fact]
    public async Task Required_questions_cannot_be_skipped_and_submit_lists_what_is_missing()
    {
        var alice = Person.Alice;
        var card = (await _bot.Say(alice, "start")).CurrentCard;
        Assert.False(CardJson.HasAction(card, CardVerbs.Skip));

        var commitments = await _bot.Say(alice, "แก้ไข 11");
        var done = await _bot.Execute(alice, commitments.CurrentCard, CardVerbs.Answer);
        Assert.Contains("อย่างน้อย 1", CardJson.Text(done.PressedCard!.Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_help_review_and_cancel_answer_in_the_participants_language()
    {
        var alice = Person.Alice;
        var help = await _bot.Say(alice, "ช่วยเหลือ");
        Assert.Contains("แก้ไข 3", help.Texts.Single(), StringComparison.Ordinal);

        var english = await _bot.Say(alice, "help", locale: "en-US");
        Assert.Contains("edit 3", english.Texts.Single(), StringComparison.Ordinal);

        var card = (await _bot.Say(alice, "start")).CurrentCard;
        await _bot.Execute(alice, card, CardVerbs.Answer, "organiser");
        var status = await _bot.Say(alice, "สถานะ");
        Assert.Contains("ตอบแล้ว 1 จาก 11", status.Texts.Single(), StringComparison.Ordinal);

        var switched = await _bot.Say(alice, "ภาษา อังกฤษ");
        Assert.Contains("Switched to English", switched.Texts.Single(), StringComparison.Ordinal);
        Assert.Contains("Question 2 / 11", CardJson.Text(switched.CurrentCard), StringComparison.Ordinal);
        // The chosen language wins over the Thai locale from now on.
        var statusEn = await _bot.Say(alice, "status");
        Assert.Contains("1 of 11 answered", statusEn.Texts.Single(), StringComparison.Ordinal);

        var cancel = await _bot.Say(alice, "cancel");
        Assert.Contains("Paused", cancel.Texts.Single(), StringComparison.Ordinal);
        var typedWhilePaused = await _bot.Say(alice, "some answer");
        Assert.Contains("continue", typedWhilePaused.Texts.Single(), StringComparison.Ordinal);
        Assert.False(_bot.Stored(alice)!.Answers.ContainsKey("goodPractices"));
    }

    [Fact]
    public async Task The_language_command_from_the_menu_switches_language_and_is_never_saved_as_an_answer()
    {
        var alice = Person.Alice;
        var card = (await _bot.Say(alice, "เริ่ม")).CurrentCard;
        await _bot.Execute(alice, card, CardVerbs.Answer, "organiser");

        var english = await _bot.Say(alice, "ภาษา");
        Assert.Contains("Switched to English", english.Texts.Single(), StringComparison.Ordinal);
        Assert.Contains("Question 2 / 11", CardJson.Text(english.CurrentCard), StringComparison.Ordinal);
        var thai = await _bot.Say(alice, "language");
        Assert.Contains("ข้อ 2 / 11", CardJson.Text(thai.CurrentCard), StringComparison.Ordinal);
        Assert.False(_bot.Stored(alice)!.Answers.ContainsKey("goodPractices"));
    }

    [Fact]
    public async Task Cards_show_the_other_language_below_whatever_the_locale()
    {
        var alice = Person.Alice;
        var start = await _bot.Say(alice, "start", locale: "en-GB");
        Assert.Contains("What kind of organisation", CardJson.Text(start.CurrentCard), StringComparison.Ordinal);
        // The other language is shown small below.
        Assert.Contains("คุณมาจากหน่วยงานประเภทใด", CardJson.Text(start.CurrentCard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commitments_can_be_added_edited_and_removed()
    {
        var alice = Person.Alice;
        await _bot.Say(alice, "start");
        var list = (await _bot.Say(alice, "แก้ไข 11")).CurrentCard;

        // Typing on the list starts a commitment with the text as its action.
        var typed = await _bot.Say(alice, "อบรมเจ้าหน้าที่เรื่องฐานข้อมูล");
        var card = typed.CurrentCard;
        Assert.Contains("ขั้นที่ 2 / 3", CardJson.Text(card), StringComparison.Ordinal);
        card = (await _bot.Say(alice, "สำนักงานพัฒนาสังคม")).CurrentCard;
        var past = await _bot.Say(alice, "1/1/2569");
        Assert.Contains("วันนี้หรือหลังจากนี้", CardJson.Text(past.CurrentCard), StringComparison.Ordinal);
        list = (await _bot.Say(alice, "15/6/2569")).CurrentCard;
        card = (await _bot.Execute(alice, list, CardVerbs.AddCommitment)).PressedCard!.Value;
        card = (await _bot.Execute(alice, card, CardVerbs.Answer, "ข้อที่สอง")).PressedCard!.Value;
        card = (await _bot.Execute(alice, card, CardVerbs.Answer, "หน่วยงานที่สอง")).PressedCard!.Value;
        list = (await _bot.Execute(alice, card, CardVerbs.Answer, "2026-07-01")).PressedCard!.Value;
        Assert.Equal(2, _bot.Stored(alice)!.Answers["commitments"].Commitments!.Count);

        // Edit the first one's organisation, keeping its id.
        var firstId = _bot.Stored(alice)!.Answers["commitments"].Commitments![0].Id;
        card = (await _bot.Execute(alice, list, CardVerbs.EditCommitment, match: d => d.GetProperty("index").GetInt32() == 0)).PressedCard!.Value;
        // One card holds all three fields (issue 17): the action is in its field.
        Assert.Equal("อบรมเจ้าหน้าที่เรื่องฐานข้อมูล", CardJson.InputValue(card, CardDataFields.CommitmentAction));
        card = (await _bot.Execute(alice, card, CardVerbs.Answer, "อบรมเจ้าหน้าที่เรื่องฐานข้อมูล")).PressedCard!.Value;
        card = (await _bot.Execute(alice, card, CardVerbs.Answer, "สำนักงานปลัดกระทรวง")).PressedCard!.Value;
        list = (await _bot.Execute(alice, card, CardVerbs.Answer, "2026-06-15")).PressedCard!.Value;
        var first = _bot.Stored(alice)!.Answers["commitments"].Commitments![0];
        Assert.Equal(("สำนักงานปลัดกระทรวง", firstId), (first.Organisation, first.Id));

        // Remove the second one (asks for confirmation first).
        card = (await _bot.Execute(alice, list, CardVerbs.EditCommitment, match: d => d.GetProperty("index").GetInt32() == 1)).PressedCard!.Value;
        list = (await _bot.Execute(alice, card, CardVerbs.RemoveCommitment)).PressedCard!.Value;
        var remaining = Assert.Single(_bot.Stored(alice)!.Answers["commitments"].Commitments!);
        Assert.Equal(firstId, remaining.Id);

        // Cancel in the middle of adding keeps the list as it was.
        card = (await _bot.Execute(alice, list, CardVerbs.AddCommitment)).PressedCard!.Value;
        card = (await _bot.Execute(alice, card, CardVerbs.Answer, "ยังไม่แน่ใจ")).PressedCard!.Value;
        list = (await _bot.Execute(alice, card, CardVerbs.CancelCommitment)).PressedCard!.Value;
        Assert.Single(_bot.Stored(alice)!.Answers["commitments"].Commitments!);
        Assert.True(CardJson.HasAction(list, CardVerbs.AddCommitment));
    }

    [Fact]
    public async Task An_old_card_refreshes_into_its_current_read_only_view()
    {
        var alice = Person.Alice;
        var q1 = (await _bot.Say(alice, "start")).CurrentCard;
        await _bot.Execute(alice, q1, CardVerbs.Answer, "government");

        var refreshed = await _bot.Refresh(alice, q1);

        var view = refreshed.PressedCard!.Value;
        Assert.Contains("หน่วยงานภาครัฐ", CardJson.Text(view), StringComparison.Ordinal);
        Assert.False(CardJson.HasAction(view, CardVerbs.Answer));
        Assert.True(CardJson.HasAction(view, CardVerbs.Edit));
        Assert.Equal([alice.TeamsId], view.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
