
namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>Words typed in the chat mean what they say: skip, back and help (issue 17, items 7 and 10).</summary>
public sealed class TypedWordsTests : IDisposable
{
    private readonly BotWorld _bot = ParticipantChat.NewBot();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("ข้าม")]
    [InlineData("skip")]
    public async Task Skip_typed_on_an_optional_choice_question_skips_it_instead_of_asking_to_pick(string word)
    {
        var alice = Person.Alice;
        await OpenQuestion(alice, 5); // priorityGroups: optional multiple choice

        var skipped = await _bot.Say(alice, word);

        var answer = _bot.Stored(alice)!.Answers["priorityGroups"];
        Assert.True(answer.Skipped);
        Assert.Null(answer.Choices);
        Assert.Contains("ข้อ 6 / 11", CardJson.Text(skipped.CurrentCard), StringComparison.Ordinal);
        Assert.DoesNotContain("โปรดเลือกจากตัวเลือก", skipped.AllTextAndCards, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_typed_on_an_optional_text_question_is_not_saved_as_its_answer()
    {
        var alice = Person.Alice;
        await OpenQuestion(alice, 7); // strategyRecommendations: optional long text

        await _bot.Say(alice, "ข้าม");

        var answer = _bot.Stored(alice)!.Answers["strategyRecommendations"];
        Assert.True(answer.Skipped);
        Assert.Null(answer.Text);
    }

    [Fact]
    public async Task Skip_typed_on_a_required_question_says_it_is_required_and_stores_nothing()
    {
        var alice = Person.Alice;
        await OpenQuestion(alice, 2); // goodPractices: required

        var refused = await _bot.Say(alice, "skip");

        Assert.Contains("ข้อนี้ต้องตอบ", CardJson.Text(refused.CurrentCard), StringComparison.Ordinal);
        Assert.Contains("ข้อ 2 / 11", CardJson.Text(refused.CurrentCard), StringComparison.Ordinal);
        Assert.False(_bot.Stored(alice)!.Answers.ContainsKey("goodPractices"));
    }

    [Theory]
    [InlineData("ย้อนกลับ")]
    [InlineData("back")]
    public async Task Back_typed_goes_to_the_previous_question_with_its_answer(string word)
    {
        var alice = Person.Alice;
        await OpenQuestion(alice, 3);

        var back = await _bot.Say(alice, word);

        Assert.Contains("ข้อ 2 / 11", CardJson.Text(back.CurrentCard), StringComparison.Ordinal);
        Assert.Equal("คำตอบข้อ 2", CardJson.InputValue(back.CurrentCard));
        Assert.Equal("คำตอบข้อ 2", _bot.Stored(alice)!.Answers["goodPractices"].Text);
    }

    [Fact]
    public async Task Help_in_personal_chat_tells_about_commitments_reminders_and_data_rights_in_both_languages()
    {
        var alice = Person.Alice;

        var thai = (await _bot.Say(alice, "ช่วยเหลือ")).Texts.Single();
        await _bot.Say(alice, "ภาษา อังกฤษ");
        var english = (await _bot.Say(alice, "help")).Texts.Single();

        foreach (var expected in new[] { "สิ่งที่จะลงมือทำ", "เตือน", "ลบข้อมูลของฉัน", "export", "ข้าม", "ย้อนกลับ" })
        {
            Assert.Contains(expected, thai, StringComparison.Ordinal);
        }
        foreach (var expected in new[] { "Commitments", "remind", "erase my data", "export", "skip", "back" })
        {
            Assert.Contains(expected, english, StringComparison.Ordinal);
        }
    }

    /// <summary>Starts and answers questions 1 to <paramref name="number"/> - 1 by typing, leaving question <paramref name="number"/> open.</summary>
    private async Task OpenQuestion(Person user, int number)
    {
        string[] answers = ["1", "คำตอบข้อ 2", "คำตอบข้อ 3", "คำตอบข้อ 4", "1", "คำตอบข้อ 6", "คำตอบข้อ 7", "คำตอบข้อ 8", "3", "31/12/2569"];
        await _bot.Say(user, "เริ่ม");
        for (var i = 0; i < number - 1; i++)
        {
            await _bot.Say(user, answers[i]);
        }
        Assert.Equal(number - 1, _bot.Stored(user)!.Dialog.Top!.Step);
    }
}
