using System.Text.Json;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Participants.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Participants;

/// <summary>
/// Issue 17's participant items through /api/messages: the client's en-US locale does not make the bot English, a
/// language switch and a typed answer change the open card in place (PUT, no second card), a commitment is one card.
/// </summary>
public sealed class LanguageAndOneCardOverHttpTests : BotOverHttpTest
{
    [Fact]
    public async Task Thai_despite_an_English_locale_then_English_by_choice_updating_the_one_open_card_in_place()
    {
        var user = new TeamsUser(Http, Connector.ServiceUrl, "Alice", locale: "en-US");
        var alice = new LessonParticipant(user, Connector);

        var q1 = await alice.SayAndWaitForCardAsync("เริ่ม");
        Assert.Contains("ข้อ 1 / 11", AdaptiveCardReader.Text(q1), StringComparison.Ordinal);
        var q1Id = CardPosts(user)[^1].ResponseId!;

        await user.SendAsync("language en");
        var switched = await Connector.WaitForAsync(calls => calls.Any(c => c.Method == "PUT" && c.ActivityId == q1Id));
        var english = switched.Last(c => c.Method == "PUT" && c.ActivityId == q1Id).Cards.Single();
        Assert.Contains("Question 1 / 11", AdaptiveCardReader.Text(english), StringComparison.Ordinal);
        Assert.Single(CardPosts(user));

        var before = CardPosts(user).Count;
        await user.SendAsync("2");
        var q2 = await alice.NextCardAsync(before);
        Assert.Contains("Question 2 / 11", AdaptiveCardReader.Text(q2), StringComparison.Ordinal);
        var answered = Connector.CallsTo(user.ConversationId).Last(c => c.Method == "PUT" && c.ActivityId == q1Id).Cards.Single();
        Assert.False(AdaptiveCardReader.HasExecute(answered, CardVerbs.Answer), "the card answered by typing is read-only now");
        Assert.True(AdaptiveCardReader.HasExecute(answered, CardVerbs.Edit));
        Assert.Equal("en", (await StoredParticipants.ReadAsync(Bot, user))!.Language);
    }

    [Fact]
    public async Task A_commitment_is_added_on_one_card_and_finish_moves_on()
    {
        var user = new TeamsUser(Http, Connector.ServiceUrl, "Bob");
        var bob = new LessonParticipant(user, Connector);
        await bob.SayAndWaitForCardAsync("เริ่ม");
        var card = await bob.SayAndWaitForCardAsync("แก้ไข 11");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);

        var data = AdaptiveCardReader.ExecuteData(card, CardVerbs.AddCommitment);
        data[CardDataFields.CommitmentAction] = "จัดประชุมภาคีเครือข่ายเพื่อทบทวนฐานข้อมูลร่วม";
        data[CardDataFields.CommitmentOrganisation] = "กองการต่างประเทศ สป.พม.";
        data[CardDataFields.CommitmentDueDate] = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var added = await user.ExecuteAsync(CardVerbs.AddCommitment, data);
        LessonParticipant.AssertCardResponse(added);
        var list = added.GetProperty("value");
        Assert.Contains("จัดประชุมภาคีเครือข่าย", AdaptiveCardReader.Text(list), StringComparison.Ordinal);

        var finish = AdaptiveCardReader.ExecuteData(list, CardVerbs.Answer);
        finish[CardDataFields.CommitmentAction] = "";
        finish[CardDataFields.CommitmentOrganisation] = "";
        finish[CardDataFields.CommitmentDueDate] = "";
        LessonParticipant.AssertCardResponse(await user.ExecuteAsync(CardVerbs.Answer, finish));

        var commitment = Assert.Single((await StoredParticipants.ReadAsync(Bot, user))!.Answers["commitments"].Commitments!);
        Assert.Equal(("กองการต่างประเทศ สป.พม.", due), (commitment.Organisation, commitment.DueDate));
    }

    private List<ConnectorCall> CardPosts(TeamsUser user) =>
        [.. Connector.CallsTo(user.ConversationId).Where(c => c.Method == "POST" && c.Cards.Any())];
}
