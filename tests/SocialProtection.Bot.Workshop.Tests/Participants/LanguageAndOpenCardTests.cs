using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Participants.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>
/// Language follows the workshop, then the person, never the client's locale; switching language or answering by
/// typing changes the open card in place, so one question never has two open cards (issue 17, items 6 and 7).
/// </summary>
public sealed class LanguageAndOpenCardTests : IDisposable
{
    private readonly BotWorld _bot = ParticipantChat.NewBot();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task An_English_client_locale_does_not_make_a_Thai_workshop_speak_English()
    {
        var alice = Person.Alice;

        var start = await _bot.Say(alice, "start", locale: "en-US");

        Assert.Contains("ข้อ 1 / 11", CardJson.Text(start.CurrentCard), StringComparison.Ordinal);
        var help = await _bot.Say(alice, "help", locale: "en-US");
        Assert.Contains("คำสั่งที่ใช้ได้", help.Texts.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_workshop_speaks_English_but_a_Thai_command_word_brings_Thai()
    {
        using var english = _bot.OtherWorkshop("ws-english", "en");
        var alice = Person.Alice;
        var bob = Person.Bob;

        var aliceStart = await english.Say(alice, "start", locale: "th-TH");
        var bobStart = await english.Say(bob, "เริ่ม", locale: "en-US");

        Assert.Contains("Question 1 / 11", CardJson.Text(aliceStart.CurrentCard), StringComparison.Ordinal);
        Assert.Contains("ข้อ 1 / 11", CardJson.Text(bobStart.CurrentCard), StringComparison.Ordinal);
        var bobNext = await english.Say(bob, "1");
        Assert.Contains("ข้อ 2 / 11", CardJson.Text(bobNext.CurrentCard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chosen_language_is_remembered_for_the_next_workshop_joined()
    {
        var alice = Person.Alice;
        await _bot.Say(alice, "start");
        await _bot.Say(alice, "language en");

        using var next = _bot.OtherWorkshop("ws-next");
        var welcome = await next.Install(alice, ActivityTypes.InstallationUpdate, locale: "th-TH");
        var start = await next.Say(alice, "start", locale: "th-TH");

        Assert.Contains("Welcome", CardJson.Text(welcome.SentCards.Single()), StringComparison.Ordinal);
        Assert.Contains("Question 1 / 11", CardJson.Text(start.CurrentCard), StringComparison.Ordinal);
        Assert.Equal("en", next.Stored(alice)!.Language);
    }

    [Fact]
    public async Task A_typed_answer_turns_the_open_card_into_its_read_only_answered_form()
    {
        var alice = Person.Alice;
        var start = await _bot.Say(alice, "เริ่ม");
        var q1Id = start.SentCardIds[^1];

        var typed = await _bot.Say(alice, "2");

        var (id, card) = Assert.Single(typed.UpdatedCards);
        Assert.Equal(q1Id, id);
        Assert.Contains("ภาคประชาสังคม", CardJson.Text(card), StringComparison.Ordinal);
        Assert.False(CardJson.HasAction(card, CardVerbs.Answer), "the answered card has no Save button");
        Assert.True(CardJson.HasAction(card, CardVerbs.Edit));
        Assert.Contains("ข้อ 2 / 11", CardJson.Text(typed.SentCards.Single()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_typed_answer_leaves_one_open_card_for_the_question_and_no_stale_error()
    {
        var alice = Person.Alice;
        var start = await _bot.Say(alice, "เริ่ม");
        var firstCard = start.SentCardIds[^1];

        var wrong = await _bot.Say(alice, "ไม่รู้");
        var right = await _bot.Say(alice, "1");

        // The first card became read-only; the retry card with the error is the one open card...
        var (settled, readOnly) = Assert.Single(wrong.UpdatedCards);
        Assert.Equal(firstCard, settled);
        Assert.False(CardJson.HasAction(readOnly, CardVerbs.Answer));
        Assert.True(CardJson.HasAction(wrong.SentCards.Single(), CardVerbs.Answer));
        // ...and once answered by typing, it shows the answer without the red error.
        var (answeredId, answered) = Assert.Single(right.UpdatedCards);
        Assert.Equal(wrong.SentCardIds.Single(), answeredId);
        Assert.DoesNotContain("โปรดเลือกจากตัวเลือก", CardJson.Text(answered), StringComparison.Ordinal);
        Assert.Contains("หน่วยงานภาครัฐ", CardJson.Text(answered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_English_on_the_welcome_card_rerenders_the_open_question_in_place_without_a_second_card()
    {
        var alice = Person.Alice;
        var install = await _bot.Install(alice, ActivityTypes.InstallationUpdate, locale: "en-US");
        var welcome = install.SentCards.Single();
        var welcomeId = install.SentCardIds.Single();
        var start = await _bot.Say(alice, "เริ่ม", locale: "en-US");
        var q1Id = start.SentCardIds[^1];
        Assert.Contains("ข้อ 1 / 11", CardJson.Text(start.CurrentCard), StringComparison.Ordinal);

        var switched = await _bot.Execute(alice, welcome, CardVerbs.Language, cardMessageId: welcomeId, locale: "en-US");

        Assert.Empty(switched.SentCards);
        var (id, question) = Assert.Single(switched.UpdatedCards);
        Assert.Equal(q1Id, id);
        Assert.Contains("Question 1 / 11", CardJson.Text(question), StringComparison.Ordinal);
        Assert.True(CardJson.HasAction(question, CardVerbs.Answer));
        // The welcome card stays a welcome card, now in English.
        var pressed = switched.Response!.Body!.Value.GetProperty("value");
        Assert.Contains("Welcome", CardJson.Text(pressed), StringComparison.Ordinal);
        Assert.False(CardJson.HasAction(pressed, CardVerbs.Answer));
    }

    [Fact]
    public async Task The_typed_language_command_updates_the_open_card_in_place()
    {
        var alice = Person.Alice;
        var start = await _bot.Say(alice, "เริ่ม");
        var q1Id = start.SentCardIds[^1];

        var switched = await _bot.Say(alice, "ภาษา อังกฤษ");

        Assert.Contains("Switched to English", switched.Texts.Single(), StringComparison.Ordinal);
        Assert.Empty(switched.SentCards);
        var (id, card) = Assert.Single(switched.UpdatedCards);
        Assert.Equal(q1Id, id);
        Assert.Contains("Question 1 / 11", CardJson.Text(card), StringComparison.Ordinal);

        // The updated card still works.
        var answered = await _bot.Execute(alice, card, CardVerbs.Answer, "government", cardMessageId: q1Id);
        Assert.Equal(["government"], _bot.Stored(alice)!.Answers["organisationType"].Choices);
        Assert.Contains("Question 2 / 11", CardJson.Text(answered.CurrentCard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_back_leaves_only_the_previous_question_open()
    {
        var alice = Person.Alice;
        await _bot.Say(alice, "เริ่ม");
        var q2 = await _bot.Say(alice, "1");
        var q2Id = q2.SentCardIds.Single();

        var back = await _bot.Say(alice, "ย้อนกลับ");

        var (id, card) = Assert.Single(back.UpdatedCards);
        Assert.Equal(q2Id, id);
        Assert.False(CardJson.HasAction(card, CardVerbs.Answer));
        Assert.Contains("ข้อ 1 / 11", CardJson.Text(back.SentCards.Single()), StringComparison.Ordinal);
    }
}
