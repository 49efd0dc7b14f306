using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Summaries.Cards;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.EndToEnd.Tests.Facilitation;

/// <summary>
/// Through /api/messages on the real host: a breakout group of seven wrote its leverage points (the same idea three
/// ways, another two ways, two skips); the facilitator's summary shows the ideas with their people and the answers
/// behind them, and the dot vote has one item per idea, so the people who said the same thing vote on the same item.
/// </summary>
public sealed class IdeasOverHttpTests : ChannelBotTest
{
    private static readonly string[] Leverage =
    [
        "ครั้งหน้าควรเชื่อมฐานข้อมูลผู้มีสิทธิ์กลาง ให้ทุกหน่วยงานใช้ร่วมกัน",
        "ฐานข้อมูลผู้มีสิทธิ์กลางครับ",
        "อยากให้มี big data ของผู้มีสิทธิ์ ที่ทุกกระทรวงเชื่อมกันได้",
        "เพิ่มงบให้ อปท.",
        "องค์กรปกครองส่วนท้องถิ่นควรได้งบประมาณมากขึ้น เพราะใกล้ชิดประชาชน",
        "ข้าม",
        "-",
    ];

    [Fact]
    public async Task The_summary_shows_the_groups_ideas_and_the_vote_puts_each_idea_up_once()
    {
        var connector = Connector;
        using var http = Bot.CreateClient();
        var facilitator = Facilitator(http);
        var workshopId = await CreateWorkshopAsync(facilitator);
        var group = (await Bot.GetRequiredService<WorkshopStore>().GetAsync(workshopId, CancellationToken.None))!.Groups[0].Id;
        var people = Leverage.Select((_, i) => new ChannelMember(http, connector.ServiceUrl, "ผู้เข้าร่วม" + i, Guid.NewGuid().ToString())).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            await SeedAsync(workshopId, group, people[i].AadObjectId, Leverage[i]);
        }

        var before = connector.Calls.Count;
        await facilitator.PostAsync("summary 1");
        var calls = await connector.WaitForAsync(c => c.Skip(before).Any(call => call.Cards.Any(card => AdaptiveCardReader.HasExecute(card, SummaryCardVerbs.Vote))),
            TimeSpan.FromSeconds(60));
        var cards = calls.Skip(before).SelectMany(c => c.Cards).ToList();
        var summaryText = string.Join("\n", cards.Where(c => !AdaptiveCardReader.HasExecute(c, SummaryCardVerbs.Vote)).Select(AdaptiveCardReader.Text));

        // The ideas, with their people; the skips as a count; and the answers behind each idea a toggle away.
        Assert.Contains("• เชื่อมฐานข้อมูลผู้มีสิทธิ์กลาง", summaryText, StringComparison.Ordinal);
        Assert.Contains("3 คน / 3 people", summaryText, StringComparison.Ordinal);
        Assert.Contains("2 คน / 2 people", summaryText, StringComparison.Ordinal);
        Assert.Contains("ไม่ได้ให้ความเห็นที่มีสาระ (เช่น ข้าม, ไม่มี, -) 2 คำตอบ", summaryText, StringComparison.Ordinal);
        Assert.DoesNotContain("• ข้าม", summaryText, StringComparison.Ordinal);
        Assert.Contains(cards.SelectMany(AdaptiveCardReader.Elements), e => e.TryGetProperty("title", out var title)
            && title.GetString()!.StartsWith("ดูคำตอบเบื้องหลังประเด็นนี้ (3)", StringComparison.Ordinal));

        // One vote item per idea; the three who said the same thing put their dots on the same item.
        var voteCard = cards.Single(c => AdaptiveCardReader.HasExecute(c, SummaryCardVerbs.Vote));
        var items = AdaptiveCardReader.ExecuteActions(voteCard)
            .Where(a => a.GetProperty("data").TryGetProperty("candidateId", out _))
            .ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, a => Assert.StartsWith("i", a.GetProperty("data").GetProperty("candidateId").GetString(), StringComparison.Ordinal));
        var database = JsonNode.Parse(items[0].GetProperty("data").GetRawText())!.AsObject();
        JsonElement last = default;
        foreach (var voter in people.Take(3))
        {
            last = await voter.PressAsync(SummaryCardVerbs.Vote, database, "vote-card");
        }
        Assert.Equal("application/vnd.microsoft.card.adaptive", last.GetProperty("type").GetString());
        Assert.Contains("ผู้โหวต 3 คน · 3 จุด", AdaptiveCardReader.Text(last.GetProperty("value")), StringComparison.Ordinal);
        Assert.Contains("3 จุด / 3 dots", AdaptiveCardReader.Text(last.GetProperty("value")), StringComparison.Ordinal);
    }

    // As the dialog stores a participant who answered the leverage-point question and submitted.
    private async Task SeedAsync(string workshopId, string groupId, string userKey, string leverage)
    {
        var set = QuestionSetLoader.LoadDefault();
        var at = new DateTimeOffset(2026, 11, 18, 3, 30, 0, TimeSpan.Zero);
        var record = new ParticipantRecord
        {
            WorkshopId = workshopId,
            UserKey = userKey,
            GroupId = groupId,
            QuestionSetId = set.Id,
            QuestionSetVersion = set.Version,
            CreatedAt = at,
            UpdatedAt = at,
            Status = ParticipantStatus.Submitted,
            SubmittedAt = at,
            Answers = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, Answer>
            {
                ["leveragePoints"] = new() { Kind = QuestionKind.LongText, Text = leverage, AnsweredAt = at },
            }),
        };
        var store = Bot.GetRequiredService<IObjectStore>();
        await new JsonObjectStore(store, StoredJson.StoreOptions())
            .WriteAsync(WorkshopKeys.Participant(workshopId, userKey), record, WriteCondition.None, CancellationToken.None);
    }
}
