using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Participants.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

public sealed class ParticipantSafetyTests : IDisposable
{
    private static readonly string[] TextQuestions = ["goodPractices", "obstacles", "leveragePoints"];

    private readonly BotWorld _bot = ParticipantChat.NewBot();

    public void Dispose() => _bot.Dispose();

    /// <summary>Alice and Bob have each answered question 1 and see question 2.</summary>
    private async Task<(System.Text.Json.JsonElement AliceCard, System.Text.Json.JsonElement BobCard)> BothOnQuestionTwo()
    {
        var a = (await _bot.Say(Person.Alice, "start")).CurrentCard;
        a = (await _bot.Execute(Person.Alice, a, CardVerbs.Answer, "government")).CurrentCard;
        var b = (await _bot.Say(Person.Bob, "start")).CurrentCard;
        b = (await _bot.Execute(Person.Bob, b, CardVerbs.Answer, "civilSociety")).CurrentCard;
        return (a, b);
    }

    [Fact]
    public async Task Forged_submit_for_another_user_changes_nothing()
    {
        var (aliceCard, _) = await BothOnQuestionTwo();
        var aliceBefore = _bot.StoredRaw(Person.Alice)!.ETag;
        var bobBefore = _bot.StoredRaw(Person.Bob)!.ETag;

        var forged = await _bot.Execute(Person.Alice, aliceCard, CardVerbs.Answer, "เขียนแทนบ็อบ",
            tamper: data => data["userId"] = Person.Bob.AadObjectId);

        Assert.Contains("ใช้ไม่ได้", forged.InvokeText, StringComparison.Ordinal);
        Assert.Equal(aliceBefore, _bot.StoredRaw(Person.Alice)!.ETag);
        Assert.Equal(bobBefore, _bot.StoredRaw(Person.Bob)!.ETag);
        Assert.False(_bot.Stored(Person.Bob)!.Answers.ContainsKey("goodPractices"));
    }

    [Fact]
    public async Task A_card_pressed_by_someone_else_only_ever_writes_their_own_record()
    {
        var (aliceCard, _) = await BothOnQuestionTwo();
        var aliceBefore = _bot.StoredRaw(Person.Alice)!.ETag;

        // Bob replays Alice's card data: the turn is keyed by Bob's identity, so only Bob's own record can change.
        await _bot.Execute(Person.Bob, aliceCard, CardVerbs.Answer, "ข้อความของบ็อบ");

        Assert.Equal(aliceBefore, _bot.StoredRaw(Person.Alice)!.ETag);
        Assert.False(_bot.Stored(Person.Alice)!.Answers.ContainsKey("goodPractices"));
    }

    [Theory]
    [InlineData("unknown question")]
    [InlineData("revision as text")]
    [InlineData("answer as number")]
    [InlineData("huge question id")]
    [InlineData("index out of range type")]
    [InlineData("verb mismatch")]
    public async Task Forged_or_malformed_card_data_changes_nothing_and_says_so(string forgery)
    {
        var (aliceCard, _) = await BothOnQuestionTwo();
        var before = _bot.StoredRaw(Person.Alice)!;
        Action<JsonObject> tamper = forgery switch
        {
            "unknown question" => d => d["questionId"] = "salary",
            "revision as text" => d => d["rev"] = "3",
            "answer as number" => d => d["answer"] = 42,
            "huge question id" => d => d["questionId"] = new string('q', 100_000),
            "index out of range type" => d => d["index"] = -1,
            _ => d => d["verb"] = CardVerbs.Submit,
        };

        var result = await _bot.Execute(Person.Alice, aliceCard, CardVerbs.Answer, "คำตอบ", tamper: tamper);

        Assert.Contains("ใช้ไม่ได้", result.InvokeText, StringComparison.Ordinal);
        Assert.Empty(result.SentCards);
        var after = _bot.StoredRaw(Person.Alice)!;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.Content.ToArray(), after.Content.ToArray());
    }

    [Fact]
    public async Task A_stale_card_cannot_overwrite_a_newer_answer()
    {
        var alice = Person.Alice;
        var q1 = (await _bot.Say(alice, "start")).CurrentCard;
        var q2 = (await _bot.Execute(alice, q1, CardVerbs.Answer, "government")).CurrentCard;
        // The participant edits question 1 from a new card...
        var edit = (await _bot.Say(alice, "edit 1")).CurrentCard;
        await _bot.Execute(alice, edit, CardVerbs.Answer, "organiser");
        var before = _bot.StoredRaw(alice)!.ETag;

        // ...then presses the first, older card for question 1 again, and replays the edit card too.
        var stale = await _bot.Execute(alice, q1, CardVerbs.Answer, "civilSociety");
        var replayed = await _bot.Execute(alice, edit, CardVerbs.Answer, "otherStakeholder");

        Assert.Equal(["organiser"], _bot.Stored(alice)!.Answers["organisationType"].Choices);
        Assert.Equal(before, _bot.StoredRaw(alice)!.ETag);
        Assert.Contains("การ์ดนั้นเก่าแล้ว", CardJson.Text(stale.PressedCard!.Value), StringComparison.Ordinal);
        Assert.Contains("การ์ดนั้นเก่าแล้ว", CardJson.Text(replayed.PressedCard!.Value), StringComparison.Ordinal);
        // The note comes with the current card: question 2, still open.
        Assert.True(CardJson.HasAction(stale.PressedCard!.Value, CardVerbs.Answer));
        Assert.Contains("ข้อ 2 / 11", CardJson.Text(stale.PressedCard!.Value), StringComparison.Ordinal);
        _ = q2;
    }

    [Fact]
    public async Task A_redelivered_message_is_applied_once_and_sends_nothing_the_second_time()
    {
        var alice = Person.Alice;
        var q1 = (await _bot.Say(alice, "start")).CurrentCard;
        await _bot.Execute(alice, q1, CardVerbs.Answer, "government");

        var first = await _bot.Say(alice, "คำตอบข้อสอง", activityId: "teams-msg-1");
        var again = await _bot.Say(alice, "คำตอบข้อสอง", activityId: "teams-msg-1");

        Assert.NotEmpty(first.SentCards);
        Assert.Empty(again.Posts);
        var record = _bot.Stored(alice)!;
        Assert.Equal("คำตอบข้อสอง", record.Answers["goodPractices"].Text);
        Assert.False(record.Answers.ContainsKey("obstacles"));
    }

    [Fact]
    public async Task A_redelivered_card_action_is_applied_once_and_answered_with_the_current_card()
    {
        var alice = Person.Alice;
        var q1 = (await _bot.Say(alice, "start")).CurrentCard;
        var q2 = (await _bot.Execute(alice, q1, CardVerbs.Answer, "government")).CurrentCard;

        var first = await _bot.Execute(alice, q2, CardVerbs.Answer, "ครั้งเดียว", activityId: "invoke-7");
        var etag = _bot.StoredRaw(alice)!.ETag;
        var again = await _bot.Execute(alice, q2, CardVerbs.Answer, "ครั้งเดียว", activityId: "invoke-7");

        Assert.Equal(etag, _bot.StoredRaw(alice)!.ETag);
        Assert.Empty(again.Posts);
        // The replay shows the card as it is now: the answered, read-only card.
        Assert.Contains("ครั้งเดียว", CardJson.Text(first.PressedCard!.Value), StringComparison.Ordinal);
        Assert.Contains("ครั้งเดียว", CardJson.Text(again.PressedCard!.Value), StringComparison.Ordinal);
        Assert.False(CardJson.HasAction(again.PressedCard!.Value, CardVerbs.Answer));
        Assert.False(_bot.Stored(alice)!.Answers.ContainsKey("obstacles"));
    }

    [Fact]
    public async Task Concurrent_turns_of_the_same_participant_never_lose_an_answer()
    {
        var alice = Person.Alice;
        var q1 = (await _bot.Say(alice, "start")).CurrentCard;
        await _bot.Execute(alice, q1, CardVerbs.Answer, "government");
        string[] texts = ["คำตอบที่หนึ่ง", "คำตอบที่สอง", "คำตอบที่สาม"];

        await Task.WhenAll(texts.Select(text => Task.Run(() => _bot.Say(alice, text))));

        var answers = _bot.Stored(alice)!.Answers;
        var stored = TextQuestions.Select(id => answers[id].Text).Order(StringComparer.Ordinal);
        Assert.Equal(texts.Order(StringComparer.Ordinal), stored);
    }

    [Fact]
    public async Task Many_participants_at_once_each_keep_their_own_answers()
    {
        var users = Enumerable.Range(0, 20).Select(i => new Person($"29:user-{i}", $"00000000-0000-4000-8000-{i:D12}", $"a:conv-{i}")).ToArray();

        await Task.WhenAll(users.Select(user => Task.Run(async () =>
        {
            var card = (await _bot.Say(user, "start")).CurrentCard;
            await _bot.Execute(user, card, CardVerbs.Answer, "government");
            await _bot.Say(user, "คำตอบของ " + user.AadObjectId);
        })));

        foreach (var user in users)
        {
            Assert.Equal("คำตอบของ " + user.AadObjectId, _bot.Stored(user)!.Answers["goodPractices"].Text);
        }
    }

    [Fact]
    public async Task When_storage_is_down_the_participant_is_asked_to_try_again_and_nothing_is_half_written()
    {
        var alice = Person.Alice;
        var q1 = (await _bot.Say(alice, "start")).CurrentCard;
        var q2 = (await _bot.Execute(alice, q1, CardVerbs.Answer, "government")).CurrentCard;
        var before = _bot.StoredRaw(alice)!;

        _bot.Store.WritesFail = true;
        var typed = await _bot.Say(alice, "คำตอบระหว่างระบบล่ม");
        var pressed = await _bot.Execute(alice, q2, CardVerbs.Answer, "คำตอบระหว่างระบบล่ม");
        _bot.Store.ReadsFail = true;
        // An English client locale does not change the workshop's language (issue 17): still Thai.
        var englishLocale = await _bot.Say(alice, "status", locale: "en-US");

        Assert.Contains("โปรดลองอีกครั้ง", typed.Texts.Single(), StringComparison.Ordinal);
        Assert.Empty(typed.SentCards);
        Assert.Contains("โปรดลองอีกครั้ง", pressed.InvokeText, StringComparison.Ordinal);
        Assert.Contains("โปรดลองอีกครั้ง", englishLocale.Texts.Single(), StringComparison.Ordinal);

        _bot.Store.WritesFail = false;
        _bot.Store.ReadsFail = false;
        var after = _bot.StoredRaw(alice)!;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.Content.ToArray(), after.Content.ToArray());

        // Storage is back: the very same card works.
        var retry = await _bot.Execute(alice, q2, CardVerbs.Answer, "คำตอบหลังระบบกลับมา");
        Assert.NotEmpty(retry.SentCards);
        Assert.Equal("คำตอบหลังระบบกลับมา", _bot.Stored(alice)!.Answers["goodPractices"].Text);
    }

    [Fact]
    public async Task The_welcome_is_sent_once_for_both_install_events_and_the_conversation_reference_is_stored()
    {
        var alice = Person.Alice;

        var results = await Task.WhenAll(
            _bot.Install(alice, ActivityTypes.InstallationUpdate),
            _bot.Install(alice, ActivityTypes.ConversationUpdate));
        var again = await _bot.Install(alice, ActivityTypes.InstallationUpdate);

        Assert.Equal(1, results.Sum(r => r.SentCards.Count));
        Assert.Empty(again.Posts);
        var welcome = results.SelectMany(r => r.SentCards).Single();
        Assert.True(CardJson.HasAction(welcome, CardVerbs.Start));
        var stored = _bot.StoredConversation(alice)!;
        Assert.Equal(alice.PersonalChatId, stored.Reference.Conversation!.Id);
        Assert.Equal("https://smba.trafficmanager.net/teams/", stored.Reference.ServiceUrl);
        Assert.Null(stored.Reference.ActivityId);

        // Start from the welcome card: the first question arrives as a new card.
        var started = await _bot.Execute(alice, welcome, CardVerbs.Start);
        Assert.Contains("ข้อ 1 / 11", CardJson.Text(started.SentCards.Single()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_conversation_reference_is_written_only_when_it_changes()
    {
        var alice = Person.Alice;
        await _bot.Say(alice, "help");
        var writes = _bot.Store.Writes;
        await _bot.Say(alice, "help");
        await _bot.Say(alice, "status");
        Assert.Equal(writes, _bot.Store.Writes);

        await _bot.Send(_bot.PersonalActivity(alice, ActivityTypes.Message, null, "th-TH") with
        {
            Text = "help",
            ServiceUrl = "https://smba.trafficmanager.net/apac/",
        });
        Assert.Equal("https://smba.trafficmanager.net/apac/", _bot.StoredConversation(alice)!.Reference.ServiceUrl);
    }

    [Fact]
    public async Task A_record_from_a_newer_bot_version_is_left_untouched()
    {
        var alice = Person.Alice;
        await _bot.Say(alice, "start");
        var raw = _bot.StoredRaw(alice)!;
        var document = JsonNode.Parse(raw.Content.ToString())!.AsObject();
        document["schemaVersion"] = ParticipantRecord.CurrentSchemaVersion + 1;
        var key = WorkshopKeys.Participant(ParticipantChat.WorkshopId, alice.AadObjectId);
        await _bot.Store.PutAsync(key, BinaryData.FromString(document.ToJsonString()), WriteCondition.IfMatch(raw.ETag), CancellationToken.None);
        var newer = _bot.StoredRaw(alice)!;

        var result = await _bot.Say(alice, "คำตอบ");

        Assert.Contains("โปรดลองอีกครั้ง", result.Texts.Single(), StringComparison.Ordinal);
        Assert.Equal(newer.ETag, _bot.StoredRaw(alice)!.ETag);
    }

    [Fact]
    public async Task Without_an_Entra_object_id_the_answers_are_keyed_by_the_Teams_user_id()
    {
        var guest = new Person("29:1guest-teams-id", "", "Guest");
        var activity = _bot.PersonalActivity(guest, ActivityTypes.Message, null, "th-TH");

        await _bot.Send(activity with { Text = "start", From = activity.From! with { AadObjectId = null } });

        var key = WorkshopKeys.Participant(ParticipantChat.WorkshopId, guest.TeamsId);
        Assert.StartsWith("workshops/ws-test/participants/_b", key, StringComparison.Ordinal);
        Assert.NotNull(await _bot.Store.GetAsync(key, CancellationToken.None));
    }
}
