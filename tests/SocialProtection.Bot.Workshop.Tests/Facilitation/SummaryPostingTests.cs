using SocialProtection.Bot.TestSupport;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class SummaryPostingTests : IAsyncDisposable
{
    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Summary_posts_every_group_as_cards_of_their_own_with_every_answer_once_and_stores_it()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await SeedAsync(workshop, "g1", Person.Alice, "ALICEGOOD1 เครือข่ายตำบลทำงานร่วมกัน", "ALICELEVER1 งบประมาณท้องถิ่น");
        await SeedAsync(workshop, "g1", Person.Bob, "BOBGOOD1 ฐานข้อมูลร่วม", "BOBLEVER1 คณะกรรมการระดับชาติ");
        await SeedAsync(workshop, "g2", Person.Carol, "CAROLGOOD1 อาสาสมัครในชุมชน", "CAROLLEVER1 กฎหมายรองรับ");
        var before = _world.Teams.PostsTo(BotWorld.ChannelId).Count;

        var turn = await _world.SayInChannel(Person.Facilitator, "summary");
        await _world.WaitForPostingsAsync();

        Assert.Contains("Posting the summary of 2 group(s)", Assert.Single(turn.Texts), StringComparison.Ordinal);
        var posts = _world.Teams.PostsTo(BotWorld.ChannelId).Skip(before).ToList();
        Assert.All(posts, p => Assert.Null(p.Activity.Text));
        var cards = posts.Select(p => Assert.Single(p.Cards)).ToList();
        Assert.All(cards, c => Assert.True(c.GetRawText().Length * 2 <= CardBudget.MaxBytes));
        var summaryCards = cards.Where(c => !CardJson.HasAction(c, SummaryCardVerbs.Vote)).ToList();
        var runs = string.Join("\n", summaryCards.Select(Runs));
        foreach (var marker in new[] { "ALICEGOOD1", "ALICELEVER1", "BOBGOOD1", "BOBLEVER1", "CAROLGOOD1", "CAROLLEVER1" })
        {
            Assert.Equal(1, Count(runs, marker));
        }
        Assert.Equal(2, cards.Count(c => CardJson.HasAction(c, SummaryCardVerbs.Vote)));

        var stored = await _world.Get<GroupSummaryStore>().GetAsync(workshop.Id, "g1", CancellationToken.None);
        Assert.Equal(2, stored!.ParticipantCount);
        Assert.Equal("กลุ่มนโยบาย", stored.GroupName);
        Assert.Equal(AnswerVisibility.Anonymous, stored.Visibility);
        Assert.Null((await _world.Workshop(workshop.Id))!.ActivePostingId);
    }

    [Theory]
    [InlineData("summary 2")]
    [InlineData("สรุป กลุ่ม 2")]
    [InlineData("สรุปกลุ่มกลไกขับเคลื่อน")]
    [InlineData("summary group ๒")]
    public async Task Summary_of_one_group_by_number_or_name_posts_only_that_group(string command)
    {
        var workshop = await _world.CreateWorkshopAsync();
        await SeedAsync(workshop, "g1", Person.Alice, "ALICEGOOD1 ข้อดี", "ALICELEVER1 จุดคานงัด");
        await SeedAsync(workshop, "g2", Person.Carol, "CAROLGOOD1 ข้อดี", "CAROLLEVER1 จุดคานงัด");
        var before = _world.Teams.PostsTo(BotWorld.ChannelId).Count;

        await _world.SayInChannel(Person.Facilitator, command);
        await _world.WaitForPostingsAsync();

        var text = string.Join("\n", _world.Teams.PostsTo(BotWorld.ChannelId).Skip(before).SelectMany(p => p.Cards).Select(c => c.GetRawText()));
        Assert.Contains("CAROLGOOD1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ALICEGOOD1", text, StringComparison.Ordinal);
        Assert.Null(await _world.Get<GroupSummaryStore>().GetAsync(workshop.Id, "g1", CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_group_is_answered_with_the_list_of_groups()
    {
        await _world.CreateWorkshopAsync();

        var turn = await _world.SayInChannel(Person.Facilitator, "summary กลุ่มที่ไม่มี");

        var reply = Assert.Single(turn.Texts);
        Assert.Contains("1. กลุ่มนโยบาย", reply, StringComparison.Ordinal);
        Assert.Contains("2. กลุ่มกลไกขับเคลื่อน", reply, StringComparison.Ordinal);
        await _world.WaitForPostingsAsync();
    }

    [Fact]
    public async Task A_redelivered_summary_command_posts_once()
    {
        var workshop = await _world.CreateWorkshopAsync(groups: "");
        await SeedAsync(workshop, "g1", Person.Alice, "ALICEGOOD1 ข้อดี", "ALICELEVER1 จุดคานงัด");
        var before = _world.Teams.PostsTo(BotWorld.ChannelId).Count;

        await _world.SayInChannel(Person.Facilitator, "summary", activityId: "sum-1");
        await _world.WaitForPostingsAsync();
        var once = _world.Teams.PostsTo(BotWorld.ChannelId).Count;
        var again = await _world.SayInChannel(Person.Facilitator, "summary", activityId: "sum-1");
        await _world.WaitForPostingsAsync();

        Assert.True(once > before);
        Assert.Empty(again.Calls);
        Assert.Equal(once, _world.Teams.PostsTo(BotWorld.ChannelId).Count);
    }

    [Fact]
    public async Task A_long_summary_is_split_into_cards_under_28_KB_posted_within_the_per_conversation_limits()
    {
        var workshop = await _world.CreateWorkshopAsync(groups: "");
        var markers = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var person = new Person("29:1p" + i, Guid.NewGuid().ToString(), "P" + i);
            var good = "GOOD" + i.ToString("D3", CultureInfo.InvariantCulture) + "X " + LongThai(i);
            var lever = "LEVER" + i.ToString("D3", CultureInfo.InvariantCulture) + "X " + LongThai(i + 100);
            markers.Add("GOOD" + i.ToString("D3", CultureInfo.InvariantCulture) + "X");
            markers.Add("LEVER" + i.ToString("D3", CultureInfo.InvariantCulture) + "X");
            await SeedAsync(workshop, "g1", person, good, lever);
        }

        await _world.SayInChannel(Person.Facilitator, "summary");
        await _world.WaitForPostingsAsync(TimeSpan.FromMinutes(2));

        var posts = _world.Teams.PostsTo(BotWorld.ChannelId);
        var cards = posts.SelectMany(p => p.Cards).ToList();
        Assert.True(cards.Count > 9, $"expected a split summary, got {cards.Count} cards");
        Assert.All(cards, c => Assert.True(c.GetRawText().Length * 2 <= CardBudget.MaxBytes));
        var answers = string.Join("\n", cards.Where(c => !CardJson.HasAction(c, SummaryCardVerbs.Vote)).Select(AnswerRuns));
        Assert.All(markers, m => Assert.Equal(1, Count(answers, m)));

        // Every send into the channel went through the pacer: no 8 within 1 s, no 9 within 2 s.
        var times = posts.Select(p => p.At).OrderBy(t => t).ToList();
        for (var i = 0; i + 7 < times.Count; i++)
        {
            Assert.True(times[i + 7] - times[i] >= TimeSpan.FromSeconds(1), $"sends {i}..{i + 7} within a second");
        }
        for (var i = 0; i + 8 < times.Count; i++)
        {
            Assert.True(times[i + 8] - times[i] >= TimeSpan.FromSeconds(2), $"sends {i}..{i + 8} within two seconds");
        }
    }

    [Fact]
    public async Task Participants_vote_on_the_posted_leverage_points_and_the_tally_updates_in_place()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await SeedAsync(workshop, "g1", Person.Alice, "ALICEGOOD1 ข้อดี", "ALICELEVER1 งบประมาณท้องถิ่น");
        await SeedAsync(workshop, "g1", Person.Bob, "BOBGOOD1 ข้อดี", "BOBLEVER1 คณะกรรมการระดับชาติ");
        await _world.SayInChannel(Person.Facilitator, "summary 1");
        await _world.WaitForPostingsAsync();
        var votePost = _world.Teams.PostsTo(BotWorld.ChannelId).Last(p => CardJson.HasAction(p.Cards[0], SummaryCardVerbs.Vote));
        var card = votePost.Cards[0];
        var candidate = CardJson.Actions(card).First(a => a.GetProperty("data").TryGetProperty("candidateId", out _)).GetProperty("data");

        var vote = await _world.Press(Person.Alice, SummaryCardVerbs.Vote, JsonNode.Parse(candidate.GetRawText())!.AsObject(), replyToId: votePost.Id);
        var outsider = await _world.Press(Person.Colleague, SummaryCardVerbs.Vote, JsonNode.Parse(candidate.GetRawText())!.AsObject(), replyToId: votePost.Id);

        Assert.NotNull(vote.PressedCard);
        Assert.Equal(votePost.Id, Assert.Single(vote.Calls, c => c.Method == "PUT").ActivityId);
        Assert.Equal(403, outsider.InvokeStatus);
        var ballot = await _world.Get<DotVoteStore>().GetBallotAsync(workshop.Id, "g1", CancellationToken.None);
        Assert.Equal(new[] { Person.Alice.AadObjectId, Person.Bob.AadObjectId }.Order(StringComparer.Ordinal), ballot!.EligibleVoters);
        Assert.Equal(1, (await _world.Get<DotVoteStore>().TallyAsync(ballot, CancellationToken.None)).DotsCast);
    }

    [Fact]
    public async Task Vote_reset_clears_the_dots_and_posts_fresh_vote_cards()
    {
        var workshop = await _world.CreateWorkshopAsync(groups: "");
        await SeedAsync(workshop, "g1", Person.Alice, "ALICEGOOD1 ข้อดี", "ALICELEVER1 งบประมาณท้องถิ่น");
        await _world.SayInChannel(Person.Facilitator, "summary");
        await _world.WaitForPostingsAsync();
        var votePost = _world.Teams.PostsTo(BotWorld.ChannelId).Last(p => CardJson.HasAction(p.Cards[0], SummaryCardVerbs.Vote));
        var candidate = CardJson.Actions(votePost.Cards[0]).First(a => a.GetProperty("data").TryGetProperty("candidateId", out _)).GetProperty("data");
        await _world.Press(Person.Alice, SummaryCardVerbs.Vote, JsonNode.Parse(candidate.GetRawText())!.AsObject(), replyToId: votePost.Id);
        var posted = _world.Teams.PostsTo(BotWorld.ChannelId).Count;

        var reset = await _world.SayInChannel(Person.Facilitator, "ล้างโหวต");
        await _world.WaitForPostingsAsync();

        Assert.Contains("Votes of 1 group(s) cleared", Assert.Single(reset.Texts), StringComparison.Ordinal);
        var ballot = await _world.Get<DotVoteStore>().GetBallotAsync(workshop.Id, "g1", CancellationToken.None);
        Assert.Equal(0, (await _world.Get<DotVoteStore>().TallyAsync(ballot!, CancellationToken.None)).DotsCast);
        var fresh = _world.Teams.PostsTo(BotWorld.ChannelId).Skip(posted).ToList();
        Assert.NotEmpty(fresh);
        Assert.All(fresh, p => Assert.True(CardJson.HasAction(p.Cards[0], SummaryCardVerbs.Vote)));
    }

    [Fact]
    public async Task Named_workshops_show_names_and_anonymous_ones_never_do()
    {
        var named = await _world.CreateWorkshopAsync(title: "Named", groups: "", visibility: "named");
        await _world.JoinAsync(Person.Bob, named);
        var record = _world.Stored(Person.Bob, named.Id)!;
        await _world.PutParticipantAsync(named.Id, Person.Bob.AadObjectId, SeedRecords.Submitted(named.Id, Person.Bob.AadObjectId, "g1", "BOBGOOD1 ข้อดี", "BOBLEVER1 จุดคานงัด") with { DisplayName = record.DisplayName });
        var before = _world.Teams.PostsTo(BotWorld.ChannelId).Count;

        await _world.SayInChannel(Person.Facilitator, "summary");
        await _world.WaitForPostingsAsync();

        var text = string.Join("\n", _world.Teams.PostsTo(BotWorld.ChannelId).Skip(before).SelectMany(p => p.Cards).Select(Runs));
        Assert.Contains(Person.Bob.Name, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_posting_that_cannot_be_built_is_given_up_and_does_not_block_the_next_summary()
    {
        var workshop = await _world.CreateWorkshopAsync(groups: "");
        await SeedAsync(workshop, "g1", Person.Alice, "ALICEGOOD1 ข้อดี", "ALICELEVER1 จุดคานงัด");
        await _world.Store.PutAsync(SummaryKeys.Summary(workshop.Id, "g1"), BinaryData.FromString("{ not json"), SocialProtection.Bot.Storage.WriteCondition.None, CancellationToken.None);
        var posting = new SummaryPosting
        {
            Id = "pbroken",
            WorkshopId = workshop.Id,
            Channel = workshop.Channel,
            Parts = [new PostingPart("g1", PostingPartKind.Summary)],
            CreatedAt = _world.Time.GetUtcNow(),
            UpdatedAt = _world.Time.GetUtcNow(),
        };
        Assert.True(await _world.Get<SummaryPostingStore>().CreateAsync(posting, CancellationToken.None));
        await _world.Get<WorkshopStore>().UpdateAsync(workshop.Id, w => w with { ActivePostingId = posting.Id }, CancellationToken.None);

        _world.Get<SummaryPostingQueue>().Enqueue(new PendingPosting(workshop.Id, posting.Id));
        await _world.WaitForPostingsAsync();

        Assert.Equal(PostingStatus.Failed, (await _world.Get<SummaryPostingStore>().GetAsync(workshop.Id, posting.Id, CancellationToken.None))!.Status);
        Assert.Null((await _world.Workshop(workshop.Id))!.ActivePostingId);
        var again = await _world.SayInChannel(Person.Facilitator, "summary");
        await _world.WaitForPostingsAsync();
        Assert.Contains("Posting the summary", Assert.Single(again.Texts), StringComparison.Ordinal);
        Assert.Contains(_world.Teams.PostsTo(BotWorld.ChannelId), p => p.Cards.Any(c => c.GetRawText().Contains("ALICEGOOD1", StringComparison.Ordinal)));
    }

    private Task SeedAsync(WorkshopRecord workshop, string groupId, Person person, string goodPractices, string leverage) =>
        _world.PutParticipantAsync(workshop.Id, person.AadObjectId, SeedRecords.Submitted(workshop.Id, person.AadObjectId, groupId, goodPractices, leverage));

    private static string Runs(JsonElement card) => string.Join("\n", AdaptiveCardReader.Elements(card)
        .Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "TextRun")
        .Select(e => e.GetProperty("text").GetString()));

    // The answers as listed under their question (an answer's container holds its label, then its text). The ideas show
    // pieces of the same answers again, on purpose: a quote, and the answers behind each idea.
    private static string AnswerRuns(JsonElement card) => string.Join("\n", AdaptiveCardReader.Elements(card)
        .Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "Container"
            && e.TryGetProperty("items", out var items) && items.GetArrayLength() == 2
            && items.EnumerateArray().All(i => i.GetProperty("type").GetString() == "RichTextBlock"))
        .Select(e => e.GetProperty("items")[1].GetProperty("inlines")[0].GetProperty("text").GetString()));

    private static int Count(string text, string marker)
    {
        var count = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static string LongThai(int seed)
    {
        string[] words = ["การคุ้มครองทางสังคม", "เครือข่ายภาคี", "งบประมาณ", "ท้องถิ่น", "ความไว้เนื้อเชื่อใจ", "ฐานข้อมูล", "ผู้สูงอายุ", "เด็กเล็ก", "การบูรณาการ", "นโยบาย"];
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < 1400; i++)
        {
            builder.Append(words[(seed + i * 7) % words.Length]).Append(' ');
        }
        return builder.ToString().TrimEnd();
    }
}
