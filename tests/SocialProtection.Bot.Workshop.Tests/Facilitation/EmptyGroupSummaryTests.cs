using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Summaries.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>Issue 17, item 5: a group nobody answered in is one short line, not a card of empty question blocks.</summary>
public sealed class EmptyGroupSummaryTests : IAsyncDisposable
{
    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_group_without_answers_is_summarised_in_one_short_bilingual_line()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.PutParticipantAsync(workshop.Id, Person.Alice.AadObjectId,
            SeedRecords.Submitted(workshop.Id, Person.Alice.AadObjectId, "g1", "ALICEGOOD1 ข้อดี", "ALICELEVER1 จุดคานงัด"));
        // Bob joined group 2 but has not answered anything.
        await _world.PutParticipantAsync(workshop.Id, Person.Bob.AadObjectId, SeedRecords.Joined(workshop.Id, Person.Bob.AadObjectId, "g2"));
        var before = _world.Teams.PostsTo(BotWorld.ChannelId).Count;

        await _world.SayInChannel(Person.Facilitator, "summary");
        await _world.WaitForPostingsAsync();

        var cards = _world.Teams.PostsTo(BotWorld.ChannelId).Skip(before).SelectMany(p => p.Cards).ToList();
        var empty = Assert.Single(cards, c => c.GetRawText().Contains("กลุ่มกลไกขับเคลื่อน", StringComparison.Ordinal));
        var line = Assert.Single(AdaptiveCardReader.Elements(empty), e => e.TryGetProperty("type", out var t) && t.GetString() == "TextBlock");
        Assert.Equal("สรุปผลกลุ่ม กลุ่มกลไกขับเคลื่อน: ยังไม่มีคำตอบ / Summary of group กลุ่มกลไกขับเคลื่อน: no answers yet", line.GetProperty("text").GetString());
        Assert.False(CardJson.HasAction(empty, SummaryCardVerbs.Vote));
        // The group with answers still gets its full summary and its vote.
        Assert.Contains(cards, c => c.GetRawText().Contains("ALICEGOOD1", StringComparison.Ordinal));
        Assert.Single(cards, c => CardJson.HasAction(c, SummaryCardVerbs.Vote));
    }

    [Fact]
    public async Task A_summary_of_only_an_empty_group_posts_that_one_line_and_no_vote()
    {
        var workshop = await _world.CreateWorkshopAsync();
        var before = _world.Teams.PostsTo(BotWorld.ChannelId).Count;

        await _world.SayInChannel(Person.Facilitator, "summary 1");
        await _world.WaitForPostingsAsync();

        var card = Assert.Single(_world.Teams.PostsTo(BotWorld.ChannelId).Skip(before).SelectMany(p => p.Cards));
        Assert.Contains("ยังไม่มีคำตอบ / Summary of group กลุ่มนโยบาย: no answers yet", card.GetRawText(), StringComparison.Ordinal);
        Assert.Null((await _world.Workshop(workshop.Id))!.ActivePostingId);
    }
}
