using System.Text.Json;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.EndToEnd.Tests.Participants;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Faults;

/// <summary>
/// Teams redelivering activities late and out of order: a copy of an earlier answer arrives after the participant
/// has already answered later questions, or after they went back and changed that answer.
/// </summary>
public sealed class RedeliveryFaultTests(AzuriteServer azurite) : BotOnAzuriteTest(azurite, "redeliver"), IClassFixture<AzuriteServer>
{
    private const int Participants = 30;
    private static readonly string[] TextQuestions = ["goodPractices", "obstacles", "leveragePoints"];

    [Fact]
    public async Task Late_out_of_order_copies_of_earlier_answers_never_overwrite_later_answers_or_repeat_questions()
    {
        var random = new Random(7007);
        var people = Enumerable.Range(0, Participants)
            .Select(i => new LessonParticipant(new TeamsUser(Http, Connector.ServiceUrl, $"R{i}"), Connector))
            .ToArray();
        // Every tenth participant goes back and changes their first text answer; the copy of the original arrives afterwards.
        var editors = people.Select((_, i) => i % 10 == 3).ToArray();
        // One delivery in ten (chosen up front, deterministically) is delivered again later.
        var redelivered = people.Select(_ => TextQuestions.Select(_ => random.NextDouble() < 0.1).ToArray()).ToArray();
        redelivered[0][0] = true; // at least one copy of an earlier answer arrives after a later one
        var replies = 0;

        var cards = await Task.WhenAll(people.Select(p => p.SayAndWaitForCardAsync("เริ่ม")));
        cards = await Task.WhenAll(people.Select((p, i) => p.AnswerAsync(cards[i], "government")));
        var finalAnswers = await Task.WhenAll(people.Select(async (person, i) =>
        {
            var card = cards[i];
            var sent = new List<(string ActivityId, JsonElement Card, string Answer)>();
            var answers = new Dictionary<string, string>();
            for (var q = 0; q < TextQuestions.Length; q++)
            {
                var answer = $"{TextQuestions[q]} ของผู้เข้าร่วม {i}";
                var activityId = TeamsUser.NewActivityId();
                var (response, next) = await person.PressAsync(card, "lesson.answer", answer, activityId);
                LessonParticipant.AssertCardResponse(response);
                sent.Add((activityId, card, answer));
                answers[TextQuestions[q]] = answer;
                card = next;

                // A copy of the previous delivery, if chosen, arrives now: after the later answer.
                if (q > 0 && redelivered[i][q - 1])
                {
                    var (replayed, _) = await person.PressAsync(sent[q - 1].Card, "lesson.answer", sent[q - 1].Answer + " (สำเนา)", sent[q - 1].ActivityId);
                    AssertNotAnError(replayed);
                    Interlocked.Increment(ref replies);
                }
            }
            if (editors[i])
            {
                // Back to the first text question from the review, change it, then Teams replays the original.
                var edited = $"แก้ไขแล้ว โดยผู้เข้าร่วม {i}";
                await person.User.SendAsync("edit 2");
                var editCard = person.CardsReceived[^1];
                Assert.Contains("2 / 11", AdaptiveCardReader.Text(editCard), StringComparison.Ordinal);
                await person.AnswerAsync(editCard, edited);
                answers[TextQuestions[0]] = edited;
                var (replayed, _) = await person.PressAsync(sent[0].Card, "lesson.answer", sent[0].Answer, sent[0].ActivityId);
                AssertNotAnError(replayed);
                Interlocked.Increment(ref replies);
            }
            // Last, the tail of Teams' retries: every delivery of this participant once more, newest first, two at a time.
            foreach (var (activityId, pressed, answer) in sent.AsEnumerable().Reverse().Where((_, k) => redelivered[i][sent.Count - 1 - k]))
            {
                var copies = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => person.PressAsync(pressed, "lesson.answer", answer, activityId)));
                foreach (var (replayed, _) in copies)
                {
                    AssertNotAnError(replayed);
                }
                Interlocked.Add(ref replies, 2);
            }
            return answers;
        }));

        Assert.True(replies >= 1, "some copies were delivered");
        var records = await Task.WhenAll(people.Select(p => StoredParticipants.ReadAsync(Bot, p.User)));
        for (var i = 0; i < Participants; i++)
        {
            var record = records[i]!;
            foreach (var (question, answer) in finalAnswers[i])
            {
                Assert.Equal(answer, record.Answers[question].Text);
            }
            Assert.Equal(1 + TextQuestions.Length, record.Answers.Count);

            // Every question card was sent once (edits ask question 2 once more): a copy never moved anyone on again.
            var cardsSent = people[i].CardsReceived.Select(AdaptiveCardReader.Text).ToArray();
            Assert.Equal(editors[i] ? 2 : 1, cardsSent.Count(t => t.Contains("2 / 11", StringComparison.Ordinal)));
            if (!editors[i])
            {
                Assert.Equal(1, cardsSent.Count(t => t.Contains("5 / 11", StringComparison.Ordinal)));
            }
        }

        // The bot still serves a fresh participant normally.
        var newcomer = new LessonParticipant(new TeamsUser(Http, Connector.ServiceUrl, "after"), Connector);
        var first = await newcomer.SayAndWaitForCardAsync("เริ่ม");
        Assert.Contains("1 / 11", AdaptiveCardReader.Text(first), StringComparison.Ordinal);
    }

    /// <summary>A copy is answered like any press (current card or a toast), never as an error.</summary>
    private static void AssertNotAnError(JsonElement response)
    {
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.NotEqual("application/vnd.microsoft.error", response.GetProperty("type").GetString());
    }
}
