using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Ideas;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using static SocialProtection.Bot.Workshop.Tests.Summaries.SummaryTestData;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Summaries.Ideas;

/// <summary>Ideas as a facilitator meets them: in the group summary, on its cards, on the dot vote and in the report.</summary>
public sealed class IdeaSummaryTests
{
    private readonly GroupSummaryBuilder _builder = new();

    /// <summary>Eight people answering the leverage-point and obstacle questions as in <see cref="BreakoutGroups"/>.</summary>
    private static List<SummaryParticipant> Breakout()
    {
        var people = new List<SummaryParticipant>();
        for (var i = 0; i < BreakoutGroups.Obstacles.Length; i++)
        {
            var answers = new List<(string, Workshop.Core.Records.Answer)> { ("obstacles", LongText(BreakoutGroups.Obstacles[i].Text, i)) };
            if (i < BreakoutGroups.Leverage.Length)
            {
                answers.Add(("leveragePoints", LongText(BreakoutGroups.Leverage[i].Text, i)));
            }
            people.Add(new SummaryParticipant(Id(i + 1), Name(i + 1), Record([.. answers])));
        }
        return people;
    }

    private static TextQuestionSummary Question(GroupSummary summary, string id) =>
        summary.Questions.OfType<TextQuestionSummary>().Single(q => q.QuestionId == id);

    [Fact]
    public void Each_question_lists_its_ideas_with_people_quotes_and_every_answer_behind_them_and_counts_the_skips()
    {
        var summary = _builder.Build(Request(Breakout(), AnswerVisibility.Named));

        var leverage = Question(summary, "leveragePoints");
        Assert.Equal([3, 2], leverage.Ideas.Select(i => i.ParticipantCount));
        Assert.Contains("ฐานข้อมูล", leverage.Ideas[0].Label, StringComparison.Ordinal);
        Assert.Equal(2, leverage.NoSubstantiveAnswerCount); // ข้าม, -
        Assert.Equal(7, leverage.Answers.Count); // the skips are still listed as answers
        var database = leverage.Ideas[0];
        Assert.Equal([Name(1), Name(2), Name(3)], database.Answers.Select(a => a.Respondent.Name));
        Assert.All(database.Answers, a => Assert.Equal("leveragePoints", a.QuestionId));
        Assert.All(database.Quotes, q => Assert.Contains(q.Text.Trim('…'), leverage.Answers.Single(a => a.Respondent == q.Respondent).Text, StringComparison.Ordinal));

        var obstacles = Question(summary, "obstacles");
        Assert.Equal(2, obstacles.NoSubstantiveAnswerCount);
        Assert.Equal(4, summary.NoSubstantiveAnswerCount);
        Assert.Contains(obstacles.Ideas, i => i.ParticipantCount == 3 && i.Label.Contains("ลงทะเบียน", StringComparison.Ordinal));
        // Across the group, each answer behind an idea names the question it answered.
        Assert.Contains(summary.Ideas, i => i.ParticipantCount == 3 && i.Label.Contains("ฐานข้อมูล", StringComparison.Ordinal)
            && i.Answers.All(a => a.QuestionId == "leveragePoints"));
        Assert.Contains(summary.Ideas, i => i.ParticipantCount == 3 && i.Label.Contains("ลงทะเบียน", StringComparison.Ordinal)
            && i.Answers.All(a => a.QuestionId == "obstacles"));
        Assert.All(summary.Ideas, i => Assert.Equal(i.Answers.OrderBy(a => a.Respondent.Number), i.Answers));
    }

    [Fact]
    public void The_same_answers_in_any_order_give_a_byte_identical_summary_with_ideas()
    {
        var people = Breakout();
        var expected = SummaryJson.Serialize(_builder.Build(Request(people)));

        for (var seed = 1; seed <= 5; seed++)
        {
            var shuffled = people.ToArray();
            new Random(seed).Shuffle(shuffled);
            Assert.Equal(expected, SummaryJson.Serialize(_builder.Build(Request(shuffled))));
        }
        Assert.Contains("\"ideas\":[{\"label\":", expected, StringComparison.Ordinal);
        Assert.Contains("\"noSubstantiveAnswerCount\":2", expected, StringComparison.Ordinal);
        Assert.Contains("\"schemaVersion\":2", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dot_vote_puts_one_item_per_idea_so_everyone_who_said_it_votes_on_the_same_item()
    {
        var summary = _builder.Build(Request(Breakout()));

        var leverage = Question(summary, "leveragePoints");
        Assert.Equal(leverage.Ideas.Select(i => (DotVoteCandidateSource.Idea, i.Label, i.ParticipantCount)),
            summary.VoteCandidates.Select(c => (c.Source, c.Text, c.ParticipantCount)));
        Assert.All(summary.VoteCandidates, c => Assert.Equal(leverage.Ideas.Single(i => i.Label == c.Text).Quotes[0].Text, c.Quote));
        Assert.DoesNotContain(summary.VoteCandidates, c => c.Text is "ข้าม" or "-");
    }

    [Fact]
    public void An_answer_that_also_makes_a_point_of_its_own_stays_on_the_ballot_beside_the_idea()
    {
        var people = Breakout();
        var own = "ฐานข้อมูลผู้มีสิทธิ์กลาง\nและกฎหมายคุ้มครองข้อมูลส่วนบุคคลที่ชัดเจน";
        people[1] = people[1] with { Record = Record(("leveragePoints", LongText(own))) };

        var summary = _builder.Build(Request(people));

        Assert.Contains(summary.VoteCandidates, c => c.Source == DotVoteCandidateSource.Idea && c.Text.Contains("ฐานข้อมูล", StringComparison.Ordinal) && c.ParticipantCount == 3);
        var answer = Assert.Single(summary.VoteCandidates, c => c.Source == DotVoteCandidateSource.Answer);
        Assert.Equal(own, answer.Text);
    }

    [Fact]
    public void The_summary_card_shows_each_idea_and_opens_the_answers_behind_it()
    {
        var summary = _builder.Build(Request(Breakout(), AnswerVisibility.Named));
        var idea = Question(summary, "leveragePoints").Ideas[0];

        var cards = new SummaryCardBuilder().Build(summary);

        var elements = cards.SelectMany(CardContent.Elements).ToList();
        var labelBlock = elements.First(e => (string?)e["type"] == "RichTextBlock" && (string?)e["inlines"]![0]!["text"] == "• " + idea.Label);
        Assert.Contains("3 คน / 3 people", (string)labelBlock["inlines"]![1]!["text"]!, StringComparison.Ordinal);
        var toggle = elements.Where(e => (string?)e["type"] == "ActionSet").SelectMany(e => e["actions"]!.AsArray())
            .First(a => ((string?)a!["title"])!.StartsWith("ดูคำตอบเบื้องหลังประเด็นนี้ (3) / Show the answers behind this idea (3)", StringComparison.Ordinal)
                && IsAfter(elements, labelBlock, a!));
        var panelId = (string)toggle!["targetElements"]![0]!["elementId"]!;
        var panel = elements.Single(e => (string?)e["id"] == panelId);
        Assert.False((bool)panel["isVisible"]!);
        var lines = panel["items"]!.AsArray().Where(i => (string?)i!["type"] == "RichTextBlock").ToList();
        Assert.Equal(idea.Answers.Select(a => a.Respondent.Name + ": "), lines.Select(l => (string?)l!["inlines"]![0]!["text"]));
        var text = string.Join("\n", cards.Select(CardContent.AllText));
        Assert.Contains("ไม่ได้ให้ความเห็นที่มีสาระ (เช่น ข้าม, ไม่มี, -) 2 คำตอบ / 2 answers said nothing substantive", text, StringComparison.Ordinal);
        Assert.Contains("ประเด็นที่กลุ่มเสนอตรงกัน / Ideas the group shares", text, StringComparison.Ordinal);
        Assert.Contains("“" + idea.Quotes[0].Text, text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_idea_behind_more_answers_than_a_panel_shows_says_how_many_more()
    {
        var summary = _builder.Build(Request(Breakout()));

        var cards = new SummaryCardBuilder(new SummaryCardOptions { MaxIdeaAnswersShown = 2 }).Build(summary);

        Assert.Contains("และอีก 1 คำตอบ", string.Join("\n", cards.Select(CardContent.AllText)), StringComparison.Ordinal);
        Assert.All(cards, c => Assert.True(AdaptiveCardJson.Utf16ByteCount(c) <= CardBudget.MaxBytes));
    }

    [Fact]
    public void The_vote_card_shows_each_idea_with_an_answer_behind_it()
    {
        var people = Breakout();
        var summary = _builder.Build(Request(people));
        var ballot = DotVoteBallot.For(summary, people.Select(p => p.ParticipantId));

        var card = new DotVoteCardBuilder().Build(ballot, DotVoteTally.Compute(ballot, []), 1);

        var text = CardContent.AllText(card);
        Assert.All(summary.VoteCandidates, c =>
        {
            Assert.Contains(c.Text, text, StringComparison.Ordinal);
            Assert.Contains("“" + c.Quote + "”", text, StringComparison.Ordinal);
        });
        Assert.Contains("ประเด็นร่วม (3 คน) / shared idea (3 people)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_shows_ideas_with_counts_and_a_quote()
    {
        var people = Breakout();
        var request = new WorkshopReportRequest
        {
            WorkshopId = WorkshopId,
            WorkshopTitle = "การประชุมเชิงปฏิบัติการ",
            WorkshopDate = WorkshopDate,
            Visibility = AnswerVisibility.Anonymous,
            AnonymityKey = Key,
            QuestionSet = Set,
            Groups = [new ReportGroup("g1", "กลุ่ม 1", people)],
            GeneratedAt = AnsweredAt,
        };
        var report = new WorkshopReportBuilder(_builder).Build(request);
        var idea = report.Observations.Single(t => t.QuestionId == "leveragePoints").IdeasAcrossGroups[0];

        var markdown = new MarkdownReportRenderer().Render(report);
        var html = new HtmlReportRenderer().Render(report);

        Assert.Contains("- **" + idea.Label + "** (3 คน / 3 people): “" + idea.Quotes[0].Text + "”", markdown, StringComparison.Ordinal);
        Assert.Contains("ไม่ได้ให้ความเห็นที่มีสาระ 2 คำตอบ / 2 answers said nothing substantive", markdown, StringComparison.Ordinal);
        Assert.Contains("<strong>" + idea.Label + "</strong> <span class=\"muted\">(3 คน / 3 people)</span><span class=\"quote\">“", html, StringComparison.Ordinal);
        Assert.Contains(report.LeveragePoints[0].Points, p => p.Source == DotVoteCandidateSource.Idea && p.Quote is not null);
    }

    [Fact]
    public void A_summary_stored_before_ideas_still_reads_and_posts()
    {
        var node = JsonNode.Parse(SummaryJson.Serialize(_builder.Build(Request(Breakout()))))!.AsObject();
        node["schemaVersion"] = 1;
        node.Remove("ideas");
        node.Remove("noSubstantiveAnswerCount");
        node["themes"] = new JsonArray(new JsonObject { ["phrase"] = "ฐานข้อมูล", ["participantCount"] = 3 });
        foreach (var question in node["questions"]!.AsArray().Select(q => q!.AsObject()).Where(q => q.ContainsKey("ideas")))
        {
            question.Remove("ideas");
            question.Remove("noSubstantiveAnswerCount");
            question["themes"] = new JsonArray();
        }

        var old = SummaryJson.Deserialize(node.ToJsonString())!;

        Assert.Equal(1, old.SchemaVersion);
        Assert.Empty(old.Ideas);
        Assert.All(old.Questions.OfType<TextQuestionSummary>(), q => Assert.Empty(q.Ideas));
        Assert.NotEmpty(new SummaryCardBuilder().Build(old));
    }

    [Fact]
    public async Task Erasing_a_person_takes_their_words_out_of_an_ideas_quote_and_keeps_the_idea()
    {
        var people = Breakout();
        var summary = _builder.Build(Request(people));
        var folder = Path.Combine(Path.GetTempPath(), "ideas-erasure-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new FileObjectStore(folder);
            var json = new JsonObjectStore(store);
            var ballot = DotVoteBallot.For(summary, people.Select(p => p.ParticipantId));
            await new DotVoteStore(store, json, TimeProvider.System).SaveBallotAsync(ballot, CancellationToken.None);
            var idea = ballot.Candidates[0];
            var quoted = people.Single(p => p.Record.Answers.TryGetValue("leveragePoints", out var a) && IdeaExcerpts.IsFrom(idea.Quote!, a.Text!));

            await new StoredSummaryRedactor(store, json, NullLogger<StoredSummaryRedactor>.Instance)
                .RemoveParticipantAsync(WorkshopId, quoted.Record, CancellationToken.None);

            var after = (await json.ReadAsync<DotVoteBallot>(SummaryKeys.Ballot(WorkshopId, "g1"), CancellationToken.None))!.Value;
            var kept = after.Candidates.Single(c => c.Id == idea.Id);
            Assert.Null(kept.Quote);
            Assert.Equal(idea.Text, kept.Text);
            Assert.Equal(ballot.Candidates[1], after.Candidates[1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool IsAfter(List<JsonObject> elements, JsonObject first, JsonNode action)
    {
        var start = elements.IndexOf(first);
        return elements.Skip(start).Any(e => (string?)e["type"] == "ActionSet" && e["actions"]!.AsArray().Contains(action));
    }
}
