using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Summaries;
using static SocialProtection.Bot.Workshop.Tests.Summaries.SummaryTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

public sealed class SummaryCardBuilderTests
{
    private readonly GroupSummaryBuilder _summaries = new();

    [Fact]
    public void A_group_of_300_with_long_Thai_answers_fits_every_card_and_shows_every_answer_exactly_once()
    {
        var summary = _summaries.Build(Request(Group(300, seed: 7, answerLength: 1800)));

        var cards = new SummaryCardBuilder().Build(summary);

        Assert.All(cards, card =>
        {
            Assert.True(AdaptiveCardJson.Utf16ByteCount(card) <= 28_000, $"a card has {AdaptiveCardJson.Utf16ByteCount(card)} bytes");
            Assert.Equal("1.5", card.Version);
            Assert.False(string.IsNullOrEmpty(card.FallbackText));
        });
        var shown = cards.SelectMany(CardContent.Answers).GroupBy(a => a.Text).ToDictionary(g => g.Key, g => g.Count());
        var expected = summary.Questions.OfType<TextQuestionSummary>().SelectMany(q => q.Answers).ToList();
        Assert.Equal(300 * 6, expected.Count);
        Assert.Equal(expected.Count, shown.Values.Sum());
        Assert.All(expected, a => Assert.Equal(1, shown.GetValueOrDefault(CardText.Escape(a.Text))));

        var runs = cards.SelectMany(CardContent.RunTexts).ToList();
        var commitments = summary.Questions.OfType<CommitmentsQuestionSummary>().Single().Commitments;
        Assert.All(commitments, c => Assert.Single(runs, r => r == CardText.Escape(c.Action)));
        var dateLabels = runs.Where(r => r.StartsWith("ผู้เข้าร่วม", StringComparison.Ordinal) && r.Contains(", ", StringComparison.Ordinal))
            .Sum(r => r.Split(", ").Length);
        Assert.Equal(300, summary.Questions.OfType<DateQuestionSummary>().Single().Dates.Sum(d => d.Respondents.Count));
        Assert.True(dateLabels >= 297, $"only {dateLabels} date answers are listed"); // chunks of one name have no comma
        Assert.Contains("ส่วนที่ 1 จาก " + cards.Count, CardContent.AllText(cards[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_longer_than_a_card_is_continued_in_numbered_pieces_that_add_up_to_it()
    {
        var longAnswer = new ThaiAnswerGenerator(3).Answer(5_800);
        var participants = new List<SummaryParticipant> { new("p1", null, Record(("goodPractices", LongText(longAnswer)))) };
        var summary = _summaries.Build(Request(participants));

        var cards = new SummaryCardBuilder(new SummaryCardOptions { MaxCardBytes = 12_000 }).Build(summary);

        Assert.All(cards, card => Assert.True(AdaptiveCardJson.Utf16ByteCount(card) <= 12_000));
        var pieces = cards.SelectMany(CardContent.Answers).ToList();
        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.Contains("ตอนที่", p.Label, StringComparison.Ordinal));
        // Each piece is cut after a space, which the piece's own line trims: compare word by word.
        Assert.Equal(Words(longAnswer), Words(string.Join(" ", pieces.Select(p => p.Text))));
        Assert.Contains(cards.Skip(1), c => CardContent.AllText(c).Contains("(ต่อ)", StringComparison.Ordinal));
    }

    private static string[] Words(string text) =>
        text.Replace(CardContent.ZeroWidthSpace.ToString(), "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Injection_attempts_in_answers_and_names_render_as_plain_text()
    {
        const string attack = "[คลิกที่นี่](https://evil.example/phish) ![img](https://evil.example/x.png) <at>ผู้อำนวยการ</at> **ด่วนมาก** _เอียง_ # หัวข้อ";
        var longWord = new string('q', 500);
        var participants = new List<SummaryParticipant>
        {
            new("p1", "<at>Boss</at> **VIP** [me](https://evil.example)", Record(("goodPractices", LongText(attack)), ("obstacles", LongText(longWord)))),
            new("p2", "ปกติ", Record(("goodPractices", LongText(attack + " อีกครั้ง")))),
        };
        var summary = _summaries.Build(Request(participants, AnswerVisibility.Named));

        var cards = new SummaryCardBuilder().Build(summary);

        var markdown = string.Join("\n", cards.SelectMany(CardContent.MarkdownTexts));
        Assert.DoesNotContain("evil.example", markdown, StringComparison.Ordinal); // user text never reaches a markdown TextBlock
        var runs = cards.SelectMany(CardContent.RunTexts).ToList();
        Assert.Contains(runs, r => r.Contains("evil.example", StringComparison.Ordinal)); // but is shown, as text
        Assert.All(runs, r =>
        {
            Assert.DoesNotContain("](", r, StringComparison.Ordinal);
            Assert.DoesNotContain("<at>", r, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("**", r, StringComparison.Ordinal);
            Assert.All(r.Split(CardContent.ZeroWidthSpace, ' ', '\n'), word => Assert.True(word.Length <= 60, "a word too long to wrap: " + word.Length));
        });
        Assert.Contains(runs, r => r.Contains("Boss", StringComparison.Ordinal));
        Assert.Equal(500, runs.Sum(r => r.Count(c => c == 'q')));
    }

    [Fact]
    public void Anonymous_cards_never_show_a_name()
    {
        var participants = Group(20);

        var cards = new SummaryCardBuilder().Build(_summaries.Build(Request(participants, AnswerVisibility.Anonymous)));

        var text = string.Join("\n", cards.Select(AdaptiveCardJson.Serialize));
        Assert.All(participants, p => Assert.DoesNotContain(p.DisplayName!, text, StringComparison.Ordinal));
        Assert.All(participants, p => Assert.DoesNotContain(p.ParticipantId, text, StringComparison.Ordinal));
        Assert.Contains("ผู้เข้าร่วม 1 / Participant 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("details-", text, StringComparison.Ordinal); // no per-person choice panels
    }

    [Fact]
    public void Named_cards_put_each_persons_choices_behind_a_show_toggle()
    {
        var cards = new SummaryCardBuilder().Build(_summaries.Build(Request(Group(30), AnswerVisibility.Named)));

        var elements = cards.SelectMany(CardContent.Elements).ToList();
        var panels = elements.Where(e => ((string?)e["id"])?.StartsWith("details-", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(panels);
        Assert.All(panels, p => Assert.False((bool)p["isVisible"]!));
        var toggles = elements.Where(e => (string?)e["type"] == "ActionSet")
            .SelectMany(e => e["actions"]!.AsArray())
            .Count(a => (string?)a!["type"] == "Action.ToggleVisibility"
                && a["targetElements"]!.AsArray().Any(t => ((string)t!["elementId"]!).StartsWith("details-", StringComparison.Ordinal)));
        Assert.Equal(panels.Count, toggles);
        Assert.Contains(Name(1), string.Join("\n", cards.Select(AdaptiveCardJson.Serialize)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_card_shows_counts_date_in_both_eras_and_the_groups_ideas()
    {
        var summary = _summaries.Build(Request(Group(10)));

        var first = CardContent.AllText(new SummaryCardBuilder().Build(summary)[0]);

        Assert.Contains("ผู้เข้าร่วม 10 คน", first, StringComparison.Ordinal);
        Assert.Contains("พ.ศ. 2569", first, StringComparison.Ordinal);
        Assert.Contains("2026", first, StringComparison.Ordinal);
        Assert.Contains("สรุปผลกลุ่ม กลุ่ม 1", first, StringComparison.Ordinal);
        Assert.Contains(summary.Ideas[0].Label, first, StringComparison.Ordinal);
    }

    [Fact]
    public void Shuffled_answers_give_identical_cards()
    {
        var participants = Group(25);
        var builder = new SummaryCardBuilder();

        var first = builder.Build(_summaries.Build(Request(participants))).Select(AdaptiveCardJson.Serialize);
        var second = builder.Build(_summaries.Build(Request([.. participants.AsEnumerable().Reverse()]))).Select(AdaptiveCardJson.Serialize);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_kind_of_content_fits_the_smallest_budget_and_each_toggle_finds_its_panel_on_its_card()
    {
        var summary = _summaries.Build(Request(Group(300, seed: 5, answerLength: 400), AnswerVisibility.Named));

        var cards = new SummaryCardBuilder(new SummaryCardOptions { MaxCardBytes = SummaryCardOptions.MinCardBytes }).Build(summary);

        Assert.All(cards, card =>
        {
            Assert.True(AdaptiveCardJson.Utf16ByteCount(card) <= SummaryCardOptions.MinCardBytes);
            var elements = CardContent.Elements(card).ToList();
            var ids = elements.Select(e => (string?)e["id"]).OfType<string>().ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var targets = elements.Where(e => (string?)e["type"] == "ActionSet")
                .SelectMany(e => e["actions"]!.AsArray())
                .Where(a => (string?)a!["type"] == "Action.ToggleVisibility")
                .SelectMany(a => a!["targetElements"]!.AsArray().Select(t => (string)t!["elementId"]!));
            Assert.All(targets, target => Assert.Contains(target, ids));
        });
        var panelLines = cards.SelectMany(CardContent.Elements)
            .Where(e => ((string?)e["id"])?.StartsWith("details-5-", StringComparison.Ordinal) == true)
            .Sum(e => e["items"]!.AsArray().Count);
        Assert.Equal(300, panelLines); // question 5 (priority groups): every person listed once
    }

    [Fact]
    public void A_budget_too_small_for_any_card_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SummaryCardBuilder(new SummaryCardOptions { MaxCardBytes = 1_000 }));
    }

    [Fact]
    public async Task Summary_cards_pass_the_Adaptive_Cards_renderer_for_Teams()
    {
        var named = new SummaryCardBuilder().Build(_summaries.Build(Request(Group(12), AnswerVisibility.Named)));
        var empty = new SummaryCardBuilder().Build(_summaries.Build(Request([new("p1", null, Record() with { Status = ParticipantStatus.NotStarted })])));

        var report = await AdaptiveCardValidator.ValidateAsync([.. named.Concat(empty).Select(AdaptiveCardJson.Serialize)]);

        Assert.True(report.IsClean, report.Describe());
    }
}
