
namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>Date answers are checked and explained (issue 17, item 8). The harness's clock is 2 March 2026 in Bangkok.</summary>
public sealed class DateAnswerTests : IDisposable
{
    private readonly BotWorld _bot = ParticipantChat.NewBot();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_day_the_month_does_not_have_is_named_in_Thai_first_then_English()
    {
        var alice = Person.Alice;
        await OpenFollowUpDate(alice);

        var refused = await _bot.Say(alice, "31/02/2569");

        var text = CardJson.Text(refused.CurrentCard);
        var thai = text.IndexOf("ไม่มีวันที่ 31 กุมภาพันธ์", StringComparison.Ordinal);
        var english = text.IndexOf("There is no 31 February", StringComparison.Ordinal);
        Assert.True(thai >= 0 && english > thai, text);
        Assert.DoesNotContain("อ่านวันที่ไม่ได้", text, StringComparison.Ordinal);
        Assert.False(_bot.Stored(alice)!.Answers.ContainsKey("followUpDate"));
    }

    [Fact]
    public async Task In_English_the_impossible_day_is_named_in_English_first()
    {
        var alice = Person.Alice;
        await OpenFollowUpDate(alice);
        await _bot.Say(alice, "language en");

        var text = CardJson.Text((await _bot.Say(alice, "30/2/2026")).CurrentCard);

        var english = text.IndexOf("There is no 30 February", StringComparison.Ordinal);
        var thai = text.IndexOf("ไม่มีวันที่ 30 กุมภาพันธ์", StringComparison.Ordinal);
        Assert.True(english >= 0 && thai > english, text);
    }

    [Fact]
    public async Task A_review_date_in_the_past_is_refused_with_the_earliest_date_allowed_in_both_eras()
    {
        var alice = Person.Alice;
        await OpenFollowUpDate(alice);

        var refused = await _bot.Say(alice, "1/1/2560");

        var text = CardJson.Text(refused.CurrentCard);
        Assert.Contains("2/3/2569 (ค.ศ. 2/3/2026)", text, StringComparison.Ordinal);
        Assert.False(_bot.Stored(alice)!.Answers.ContainsKey("followUpDate"));

        await _bot.Say(alice, "2/3/2569");
        Assert.Equal(new DateOnly(2026, 3, 2), _bot.Stored(alice)!.Answers["followUpDate"].Date);
    }

    [Fact]
    public async Task An_unreadable_date_gets_examples_in_the_persons_era()
    {
        var alice = Person.Alice;
        await OpenFollowUpDate(alice);

        var thai = CardJson.Text((await _bot.Say(alice, "เดือนหน้า")).CurrentCard);
        await _bot.Say(alice, "language en");
        var english = CardJson.Text((await _bot.Say(alice, "next month")).CurrentCard);

        // Thai: the Buddhist-era example first; English: the Common-era one first; the other era beside it.
        Assert.True(thai.IndexOf("31/12/2569", StringComparison.Ordinal) is var be && be >= 0
            && thai.IndexOf("31/12/2026", StringComparison.Ordinal) > be, thai);
        Assert.True(english.IndexOf("31/12/2026", StringComparison.Ordinal) is var ce && ce >= 0
            && english.IndexOf("31/12/2569", StringComparison.Ordinal) > ce, english);
    }

    [Fact]
    public async Task A_commitment_due_date_in_the_past_names_the_earliest_date()
    {
        var alice = Person.Alice;
        await _bot.Say(alice, "start");
        await _bot.Say(alice, "แก้ไข 11");
        await _bot.Say(alice, "อบรมเจ้าหน้าที่เรื่องฐานข้อมูล");
        await _bot.Say(alice, "สำนักงานพัฒนาสังคม");

        var past = await _bot.Say(alice, "1/1/2569");

        Assert.Contains("2/3/2569", CardJson.Text(past.CurrentCard), StringComparison.Ordinal);
    }

    private async Task OpenFollowUpDate(Person user)
    {
        await _bot.Say(user, "start");
        await _bot.Say(user, "แก้ไข 10");
        Assert.Equal(9, _bot.Stored(user)!.Dialog.Top!.Step);
    }
}
