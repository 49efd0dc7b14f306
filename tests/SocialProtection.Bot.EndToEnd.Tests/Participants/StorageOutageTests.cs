using System.Collections.Concurrent;
using System.Diagnostics;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Participants;

/// <summary>Blob Storage going down in the middle of a workshop and coming back, without restarting the bot.</summary>
public sealed class StorageOutageTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>, IAsyncLifetime
{
    private static readonly string[] TextQuestions = ["goodPractices", "obstacles", "leveragePoints"];
    private readonly AzuriteServer _azurite = azurite;
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task Answers_acknowledged_before_and_after_an_outage_are_all_stored_and_the_bot_recovers_without_a_restart()
    {
        await using var bot = await BotHost.StartAsync(BotHost.BlobStore(_azurite, "outage" + Guid.NewGuid().ToString("N")[..12]));
        using var http = bot.CreateClient();
        var people = Enumerable.Range(0, 12)
            .Select(i => new LessonParticipant(new TeamsUser(http, _connector.ServiceUrl, $"O{i}"), _connector))
            .ToArray();
        var cards = await Task.WhenAll(people.Select(p => p.SayAndWaitForCardAsync("เริ่ม")));
        cards = await Task.WhenAll(people.Select((p, i) => p.AnswerAsync(cards[i], "government")));

        var acknowledged = new ConcurrentDictionary<(int Person, string Question), string>();
        var refusedDuringOutage = 0;
        var outage = Task.Run(async () =>
        {
            await Task.Delay(300);
            await _azurite.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(4));
            await _azurite.StartAsync();
        });

        // Each participant keeps answering; an answer that is not acknowledged (the bot asks to try again) is
        // pressed again on the same card, as a person would, until it is.
        await Task.WhenAll(people.Select(async (person, i) =>
        {
            var card = cards[i];
            foreach (var question in TextQuestions)
            {
                var answer = $"{question} ของผู้เข้าร่วม {i}";
                var clock = Stopwatch.StartNew();
                while (true)
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "an answer was never acknowledged after storage came back");
                    var (response, current) = await person.PressAsync(card, "lesson.answer", answer);
                    if (LessonParticipant.IsCard(response))
                    {
                        acknowledged[(i, question)] = answer;
                        card = current;
                        break;
                    }
                    Assert.Equal("application/vnd.microsoft.activity.message", response.GetProperty("type").GetString());
                    Interlocked.Increment(ref refusedDuringOutage);
                    await Task.Delay(250);
                }
                await Task.Delay(150);
            }
        }));
        await outage;

        Assert.True(refusedDuringOutage > 0, "the outage happened while participants were answering");
        Assert.Equal(people.Length * TextQuestions.Length, acknowledged.Count);
        foreach (var ((person, question), answer) in acknowledged)
        {
            var record = await StoredParticipants.ReadAsync(bot, people[person].User);
            Assert.Equal(answer, record!.Answers[question].Text);
        }

        using var health = await http.GetAsync("healthz");
        Assert.True(health.IsSuccessStatusCode, "the bot reports ready again once storage is back");
    }
}
