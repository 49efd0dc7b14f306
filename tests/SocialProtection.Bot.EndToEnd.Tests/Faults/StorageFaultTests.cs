using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.EndToEnd.Tests.Participants;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Faults;

/// <summary>
/// Blob Storage that is slow and flaky rather than down: every call delayed, and one in five answered 503,
/// applied with its answer lost, or left hanging — behind a proxy between the bot and Azurite.
/// </summary>
public sealed class StorageFaultTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>, IAsyncLifetime
{
    private const int Participants = 30;
    private static readonly string[] TextQuestions = ["goodPractices", "obstacles", "leveragePoints"];
    private RecordingConnector _connector = null!;
    private FaultyStorageProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _proxy = await FaultyStorageProxy.StartAsync(new Uri($"http://127.0.0.1:{azurite.Port}/"), seed: 7002);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task With_slow_failing_and_hanging_storage_calls_every_acknowledged_answer_is_stored_once_and_the_rest_ask_to_try_again()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _proxy.ConnectionString,
            ["Storage:ContainerName"] = "faulty" + Guid.NewGuid().ToString("N")[..12],
            // One retry and a short timeout: enough faults get through to the participant to see how they are told.
            ["Storage:NetworkTimeout"] = "00:00:01",
            ["Storage:MaxRetries"] = "1",
        };
        await using var bot = await BotHost.StartAsync(settings);
        using var http = bot.CreateClient();
        var people = Enumerable.Range(0, Participants)
            .Select(i => new LessonParticipant(new TeamsUser(http, _connector.ServiceUrl, $"S{i}"), _connector))
            .ToArray();
        var cards = await Task.WhenAll(people.Select(StartAsync));

        _proxy.MaxLatency = TimeSpan.FromMilliseconds(40);
        // An answer is one storage write now (the bot remembers the record it read), so a refusal needs that one write
        // to fail twice: 30 % faults make it near-certain that some of the 90 answers are refused.
        _proxy.FaultRate = 0.3;
        var acknowledged = new ConcurrentDictionary<(int Person, string Question), string>();
        var askedToRetry = 0;
        await Task.WhenAll(people.Select(async (person, i) =>
        {
            var card = cards[i];
            foreach (var question in TextQuestions)
            {
                var answer = $"{question} ของผู้เข้าร่วม {i}";
                var clock = Stopwatch.StartNew();
                while (true)
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), "an answer was never acknowledged");
                    var (response, current) = await person.PressAsync(card, "lesson.answer", answer);
                    if (LessonParticipant.IsCard(response))
                    {
                        LessonParticipant.AssertCardResponse(response);
                        acknowledged[(i, question)] = answer;
                        card = current;
                        break;
                    }
                    // Not acknowledged: a toast asking to try again, never an error; the participant presses again.
                    Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
                    Assert.Equal("application/vnd.microsoft.activity.message", response.GetProperty("type").GetString());
                    Interlocked.Increment(ref askedToRetry);
                    await Task.Delay(100);
                }
            }
        }));
        _proxy.FaultRate = 0;
        _proxy.MaxLatency = TimeSpan.Zero;

        Assert.True(_proxy.Count(StorageFault.AnswerLost) > 0 && _proxy.Count(StorageFault.Hang) > 0 && _proxy.Count(StorageFault.Unavailable) > 0,
            $"every kind of fault happened ({_proxy.Faults} faults)");
        Assert.True(askedToRetry > 0, "some answers were refused and asked again");
        Assert.Equal(Participants * TextQuestions.Length, acknowledged.Count);
        for (var i = 0; i < Participants; i++)
        {
            var record = await StoredParticipants.ReadAsync(bot, people[i].User);
            foreach (var question in TextQuestions)
            {
                Assert.Equal(acknowledged[(i, question)], record!.Answers[question].Text);
            }
            Assert.Equal(1 + TextQuestions.Length, record!.Answers.Count);
            // An answer applied whose acknowledgement was lost, then pressed again, never moved the participant on twice.
            Assert.InRange(people[i].CardsReceived.Count(c => AdaptiveCardReader.Text(c).Contains("5 / 11", StringComparison.Ordinal)), 0, 1);
        }

        // Storage healthy again: the bot serves a normal turn.
        var newcomer = new LessonParticipant(new TeamsUser(http, _connector.ServiceUrl, "after"), _connector);
        Assert.Contains("1 / 11", AdaptiveCardReader.Text(await newcomer.SayAndWaitForCardAsync("เริ่ม")), StringComparison.Ordinal);
    }

    /// <summary>
    /// "Start" and the first answer, before any fault is switched on. A loaded machine can still make one of these
    /// miss the 1-second storage timeout; the participant is then asked to try again, as anyone would be, and does.
    /// </summary>
    private static async Task<JsonElement> StartAsync(LessonParticipant person)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var card = await person.SayAndWaitForCardAsync("เริ่ม");
                var (response, current) = await person.PressAsync(card, "lesson.answer", "government");
                if (LessonParticipant.IsCard(response))
                {
                    return current;
                }
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // No card came: the bot answered "please try again".
            }
            Assert.True(attempt < 3, "the healthy store served the first turns");
        }
    }
}
