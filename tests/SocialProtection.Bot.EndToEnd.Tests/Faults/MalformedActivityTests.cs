using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.EndToEnd.Tests.Participants;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.EndToEnd.Tests.Faults;

/// <summary>Hundreds of malformed activities and forged card payloads posted to /api/messages.</summary>
public sealed class MalformedActivityTests(AzuriteServer azurite) : BotOnAzuriteTest(azurite, "fuzz"), IClassFixture<AzuriteServer>
{
    private const int Seed = 7004;

    [Fact]
    public async Task Malformed_activities_and_forged_card_data_get_2xx_or_4xx_change_no_one_else_and_the_bot_keeps_serving()
    {
        var victim = new LessonParticipant(new TeamsUser(Http, Connector.ServiceUrl, "Victim"), Connector);
        var victimCard = await victim.SayAndWaitForCardAsync("เริ่ม");
        victimCard = await victim.AnswerAsync(victimCard, "civilSociety");
        victimCard = await victim.AnswerAsync(victimCard, "คำตอบจริงของผู้เข้าร่วม");
        var attacker = new LessonParticipant(new TeamsUser(Http, Connector.ServiceUrl, "Attacker"), Connector);
        await attacker.SayAndWaitForCardAsync("เริ่ม");
        var victimBefore = JsonSerializer.Serialize(await StoredParticipants.ReadAsync(Bot, victim.User), StoredJson.Options);

        var cases = MalformedActivityCorpus.Generate(attacker.User, victim.User, Seed).ToArray();
        Assert.True(cases.Length >= 300, $"the corpus has several hundred cases ({cases.Length})");
        Assert.Equal(cases.Length, cases.Select(c => c.Name).Distinct().Count());

        var wrong = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (malformed, cancellationToken) =>
        {
            using var content = new ByteArrayContent(malformed.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await Http.PostAsync("api/messages", content, cancellationToken);
            var status = (int)response.StatusCode;
            var acceptable = status is >= 200 and < 500 || (status == 501 && malformed.MayBeNotImplemented);
            if (!acceptable || (malformed.ExpectedStatus is { } expected && status != expected))
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                wrong.Add($"{malformed.Name}: {status} {body[..Math.Min(body.Length, 200)]}");
            }
        });
        Assert.True(wrong.IsEmpty, $"{wrong.Count} of {cases.Length} cases were answered wrongly:\n{string.Join("\n", wrong.Order().Take(30))}");

        // Nobody's stored answers were touched by forged data, and both people carry on normally.
        var victimAfter = JsonSerializer.Serialize(await StoredParticipants.ReadAsync(Bot, victim.User), StoredJson.Options);
        Assert.Equal(victimBefore, victimAfter);
        var next = await victim.AnswerAsync(victimCard, "อุปสรรคจริง");
        Assert.Contains("4 / 11", AdaptiveCardReader.Text(next), StringComparison.Ordinal);
        var resumed = await attacker.SayAndWaitForCardAsync("ทำต่อ");
        Assert.Contains(" / 11", AdaptiveCardReader.Text(resumed), StringComparison.Ordinal);
    }
}
