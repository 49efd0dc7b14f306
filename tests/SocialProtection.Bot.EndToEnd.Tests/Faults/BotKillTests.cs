using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.EndToEnd.Tests.Participants;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Faults;

/// <summary>The bot's process killed with SIGKILL while participants answer, then started again on the same port and storage.</summary>
public sealed partial class BotKillTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>, IAsyncLifetime
{
    private const int Participants = 16;
    private const int LastQuestion = 8;
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task After_a_SIGKILL_mid_run_every_acknowledged_answer_is_stored_and_participants_continue_where_they_were()
    {
        var container = "killed" + Guid.NewGuid().ToString("N")[..12];
        var environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Storage__ContainerName"] = container,
        };
        var port = FreePort.Next();
        var acknowledged = new ConcurrentDictionary<(int Person, int Question), string>();
        var inFlight = new ConcurrentDictionary<int, (int Question, string Answer)>();
        var users = new TeamsUser[Participants];

        await using (var bot = await BotProcess.StartAsync(port, environment))
        {
            using var http = bot.CreateClient();
            var people = Enumerable.Range(0, Participants)
                .Select(i => new LessonParticipant(users[i] = new TeamsUser(http, _connector.ServiceUrl, $"K{i}"), _connector))
                .ToArray();
            var cards = await Task.WhenAll(people.Select(p => p.SayAndWaitForCardAsync("เริ่ม")));
            using var killed = new CancellationTokenSource();
            var killer = Task.Run(async () =>
            {
                // Kill once a good share of answers is in, so that many turns are on the wire at that moment.
                while (acknowledged.Count < Participants * 3)
                {
                    await Task.Delay(20);
                }
                await bot.KillAsync();
                await killed.CancelAsync();
            });
            await Task.WhenAll(people.Select(async (person, i) =>
            {
                var card = cards[i];
                for (var question = 1; question <= LastQuestion && !killed.IsCancellationRequested; question++)
                {
                    var answer = AnswerOf(i, question);
                    inFlight[i] = (question, answer);
                    try
                    {
                        var (response, next) = await person.PressAsync(card, "lesson.answer", answer);
                        LessonParticipant.AssertCardResponse(response);
                        acknowledged[(i, question)] = answer;
                        inFlight.TryRemove(i, out _);
                        card = next;
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process died under this press: not acknowledged
                    }
                    await Task.Delay(30 + (i * 7 % 50));
                }
            }));
            await killer;
        }
        Assert.True(acknowledged.Count < Participants * LastQuestion, "the kill happened before everyone finished");

        await using (var bot = await BotProcess.StartAsync(port, environment))
        {
            using var http = bot.CreateClient();
            await Task.WhenAll(Enumerable.Range(0, Participants).Select(async i =>
            {
                var person = new LessonParticipant(new TeamsUser(http, _connector.ServiceUrl, users[i]), _connector);
                var lastAcknowledged = Enumerable.Range(1, LastQuestion).LastOrDefault(q => acknowledged.ContainsKey((i, q)));
                var card = await person.SayAndWaitForCardAsync("ทำต่อ");
                var shown = QuestionNumber(card);
                // Where they were: after their last acknowledged answer, or one further when the answer on the wire at
                // the kill was stored before the process died.
                var expected = lastAcknowledged + 1;
                if (shown != expected)
                {
                    Assert.True(inFlight.TryGetValue(i, out var wire) && wire.Question == expected && shown == expected + 1,
                        $"participant {i} continues at question {shown}, acknowledged up to {lastAcknowledged}");
                    acknowledged[(i, wire.Question)] = wire.Answer;
                }
                for (var question = shown; question <= LastQuestion; question++)
                {
                    card = await person.AnswerAsync(card, AnswerOf(i, question));
                    acknowledged[(i, question)] = AnswerOf(i, question);
                }
            }));
        }

        // Read what is stored with the bot's own store.
        await using var reader = await BotHost.StartAsync(BotHost.BlobStore(azurite, container));
        for (var i = 0; i < Participants; i++)
        {
            var record = await StoredParticipants.ReadAsync(reader, users[i]);
            Assert.NotNull(record);
            Assert.Equal(LastQuestion, record.Answers.Count);
            foreach (var question in TextQuestionNumbers)
            {
                Assert.Equal(acknowledged[(i, question)], record.Answers[QuestionIds[question - 1]].Text);
            }
        }
    }

    private static readonly string[] QuestionIds =
        ["organisationType", "goodPractices", "obstacles", "leveragePoints", "priorityGroups", "domesticFinancing", "strategyRecommendations", "mechanismRecommendations"];

    private static readonly int[] TextQuestionNumbers = [2, 3, 4, 6, 7, 8];

    private static string AnswerOf(int person, int question) => question switch
    {
        1 => "government",
        5 => "olderPersons,children",
        _ => $"คำตอบข้อ {question} ของผู้เข้าร่วม {person}",
    };

    private static int QuestionNumber(JsonElement card)
    {
        var match = QuestionCounter().Match(AdaptiveCardReader.Text(card));
        Assert.True(match.Success, "the card shows which question it is");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(\d+) / 11")]
    private static partial Regex QuestionCounter();
}
