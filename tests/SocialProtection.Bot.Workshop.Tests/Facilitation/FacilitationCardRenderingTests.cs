using System.Text.Json;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class FacilitationCardRenderingTests
{
    private static readonly QuestionSet Set = QuestionSetLoader.LoadDefault();

    [Fact]
    public async Task Every_facilitator_card_parses_in_the_Adaptive_Cards_renderer_without_errors_or_warnings()
    {
        var cards = Samples().ToList();

        var report = await AdaptiveCardValidator.ValidateAsync([.. cards.Select(c => AdaptiveCardJson.Serialize(c.Card))]);

        Assert.True(report.IsClean, string.Join("\n", report.Cards.Where(c => !c.IsClean).Select(c => cards[c.Index].Name + ": " + string.Join("; ", c.Issues))));
    }

    [Fact]
    public void Every_facilitator_card_is_version_1_5_under_28_KB_with_fallback_text()
    {
        Assert.All(Samples(), sample =>
        {
            Assert.Equal("1.5", sample.Card.Version);
            Assert.True(CardBudget.Fits(sample.Card), sample.Name);
            Assert.False(string.IsNullOrWhiteSpace(sample.Card.FallbackText));
        });
    }

    [Fact]
    public void User_text_in_titles_and_group_names_cannot_inject_links_mentions_or_markup()
    {
        var hostile = Workshop(title: "[click](https://evil.example) <at>Everyone</at> **bold**", groups: ["[g](https://evil.example)", "<at>x</at>"]);

        foreach (var card in new[] { KickoffCard.Build(hostile), ProgressCard.Build(WorkshopProgress.Count(hostile, [], Now)), WorkshopCreatedCard.Build(hostile, Set) })
        {
            // TextBlocks and facts are parsed as markdown by Teams; choice titles are plain text and show what was typed.
            var markdown = string.Join("\n", AdaptiveCardReader.Elements(JsonDocument.Parse(AdaptiveCardJson.Serialize(card)).RootElement)
                .Where(e => e.TryGetProperty("type", out var t) && t.GetString() is "TextBlock" or "FactSet")
                .SelectMany(e => e.TryGetProperty("text", out var text)
                    ? [text.GetString()!]
                    : e.GetProperty("facts").EnumerateArray().SelectMany(f => new[] { f.GetProperty("title").GetString()!, f.GetProperty("value").GetString()! })));
            Assert.DoesNotContain("](https://evil", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("<at>", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("**bold**", markdown, StringComparison.Ordinal);
            Assert.Contains("evil", markdown, StringComparison.Ordinal);
        }
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 18, 7, 30, 0, TimeSpan.Zero);

    private static IEnumerable<(string Name, AdaptiveCard Card)> Samples()
    {
        var open = Workshop();
        var closed = open with { Status = WorkshopStatus.Closed, ClosedAt = Now };
        var single = Workshop(groups: ["ทุกคน / Everyone"]);
        yield return ("setup", SetupCard.Build(new WorkshopSetupInput { WorkshopId = "abcdefghij" }, new DateOnly(2026, 11, 18), [Set]));
        yield return ("setup with two sets and problems", SetupCard.Build(
            new WorkshopSetupInput { WorkshopId = "abcdefghij", Title = "x", Date = "2026-11-18", Groups = "a\na", Visibility = "named", QuestionSetId = Set.Id },
            new DateOnly(2026, 11, 18),
            [Set, Set with { Id = "other" }],
            [(FacilitationTextKeys.SetupErrorDuplicateGroup, ["a"]), (FacilitationTextKeys.SetupErrorTitleTooLong, [200])]));
        yield return ("created", WorkshopCreatedCard.Build(open, Set));
        yield return ("kickoff", KickoffCard.Build(open));
        yield return ("kickoff, one group", KickoffCard.Build(single));
        yield return ("kickoff, closed", KickoffCard.Build(closed));
        yield return ("progress", ProgressCard.Build(WorkshopProgress.Count(open, [], Now)));
        yield return ("progress, closed", ProgressCard.Build(WorkshopProgress.Count(closed, [], Now)));
        var report = new WorkshopReportBuilder(new GroupSummaryBuilder()).Build(new WorkshopReportRequest
        {
            WorkshopId = open.Id,
            WorkshopTitle = open.Title,
            WorkshopDate = open.Date,
            Visibility = open.Visibility,
            AnonymityKey = open.GetAnonymityKey(),
            QuestionSet = Set,
            Groups = [new ReportGroup("g1", "กลุ่มนโยบาย", [])],
            GeneratedAt = Now,
        });
        yield return ("report", ReportCard.Build(report, []));
        yield return ("report with links", ReportCard.Build(report, [("Markdown", new Uri("https://bot.example.org/downloads/a(b)")), ("CSV", new Uri("https://bot.example.org/downloads/c"))]));
    }

    private static WorkshopRecord Workshop(string title = "ถอดบทเรียน", string[]? groups = null) => new()
    {
        Id = "abcdefghij",
        Title = title,
        Date = new DateOnly(2026, 11, 18),
        QuestionSetId = Set.Id,
        Groups = [.. (groups ?? ["กลุ่มนโยบาย", "กลุ่มกลไก"]).Select((name, i) => new BreakoutGroup { Id = "g" + (i + 1), Name = name })],
        Visibility = AnswerVisibility.Anonymous,
        Facilitators = ["f"],
        Channel = new ConversationReference { Conversation = new ConversationAccount { Id = "19:c@thread.tacv2" } },
        CreatedBy = "f",
        CreatedAt = Now,
        AnonymityKeyBase64 = AnonymityKey.Create().ToBase64(),
    };
}
