using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Participants;

/// <summary>Many participants at the same moment, and Teams delivering activities twice, over /api/messages and Azurite.</summary>
public sealed class ConcurrentParticipantsTests(AzuriteServer azurite) : BotOnAzuriteTest(azurite, "conc"), IClassFixture<AzuriteServer>
{
    private const int Participants = 200;

    [Fact]
    public async Task Two_hundred_participants_answering_at_once_each_have_every_answer_stored_exactly_once()
    {
        var people = Enumerable.Range(0, Participants)
            .Select(i => new LessonParticipant(new TeamsUser(Http, Connector.ServiceUrl, $"P{i}"), Connector))
            .ToArray();

        // Everyone starts, then everyone answers the same questions at the same moment; every tenth
        // participant's answer is delivered twice at once (Teams redelivering the same activity id).
        var cards = await Task.WhenAll(people.Select(p => p.SayAndWaitForCardAsync("เริ่ม")));
        cards = await Task.WhenAll(people.Select((p, i) => p.AnswerAsync(cards[i], i % 2 == 0 ? "government" : "civilSociety")));
        await Task.WhenAll(people.Select(async (p, i) =>
        {
            var activityId = TeamsUser.NewActivityId();
            var presses = Enumerable.Range(0, i % 10 == 0 ? 2 : 1)
                .Select(_ => p.PressAsync(cards[i], "lesson.answer", GoodPracticeOf(i), activityId));
            foreach (var (response, _) in await Task.WhenAll(presses))
            {
                LessonParticipant.AssertCardResponse(response);
            }
        }));

        var records = await StoredParticipants.ReadAllAsync(Bot);
        Assert.Equal(Participants, records.Count);
        var byText = records.ToDictionary(r => r.Answers["goodPractices"].Text!, r => r);
        for (var i = 0; i < Participants; i++)
        {
            var record = byText[GoodPracticeOf(i)];
            Assert.Equal(i % 2 == 0 ? "government" : "civilSociety", Assert.Single(record.Answers["organisationType"].Choices!));
            Assert.Equal(2, record.Answers.Count);
        }

        // A duplicate delivery was applied once: its participant got exactly one card for question 3.
        for (var i = 0; i < Participants; i += 10)
        {
            var questionThree = people[i].CardsReceived.Count(c => AdaptiveCardReader.Text(c).Contains("3 / 11", StringComparison.Ordinal));
            Assert.Equal(1, questionThree);
        }
    }

    [Fact]
    public async Task A_typed_answer_delivered_twice_is_applied_once()
    {
        var person = new LessonParticipant(new TeamsUser(Http, Connector.ServiceUrl, "Dup"), Connector);
        var card = await person.SayAndWaitForCardAsync("เริ่ม");
        card = await person.AnswerAsync(card, "government");
        var before = person.CardsReceived.Count;

        var activityId = TeamsUser.NewActivityId();
        await Task.WhenAll(
            person.User.SendAsync("ทำงานร่วมกับท้องถิ่น", activityId),
            person.User.SendAsync("ทำงานร่วมกับท้องถิ่น", activityId));
        await person.User.SendAsync("ทำงานร่วมกับท้องถิ่น", activityId);

        var record = await StoredParticipants.ReadAsync(Bot, person.User);
        Assert.Equal("ทำงานร่วมกับท้องถิ่น", record!.Answers["goodPractices"].Text);
        Assert.Equal(before + 1, person.CardsReceived.Count);
        Assert.False(record.Answers.ContainsKey("obstacles"));
    }

    private static string GoodPracticeOf(int i) => $"ผู้เข้าร่วมคนที่ {i}: การทำงานร่วมกับเครือข่ายภาคประชาสังคมในพื้นที่ได้ผลดี";
}
