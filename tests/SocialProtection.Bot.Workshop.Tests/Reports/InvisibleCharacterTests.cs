using System.Globalization;
using System.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Reports.Docx;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Tests.Reports.Docx;
using static SocialProtection.Bot.Workshop.Tests.Summaries.SummaryTestData;

namespace SocialProtection.Bot.Workshop.Tests.Reports;

/// <summary>
/// Issue 15 item 4: bidirectional controls and control characters typed by a participant (to make a file read in
/// another order than it was written, or to upset a reader) never reach a report or an export; cards already drop them.
/// </summary>
public sealed class InvisibleCharacterTests
{
    // RLO, LRE, PDF, LRI, RLI, FSI, PDI, LRM, RLM, a bell (C0), a C1 control and an escape: none may survive.
    private const string Hidden = "\u202E\u202A\u202C\u2066\u2067\u2068\u2069\u200E\u200F\u0007\u0090\u001B";
    private const string Answer = "ALPHA" + Hidden + "โอเมก้า\tOMEGA";
    private const string Title = "เวที" + "\u202E" + "TITLE";
    private const string GroupName = "กลุ่ม" + "\u2066" + "GROUP" + "\u2069";

    [Fact]
    public void Markdown_html_and_csv_reports_keep_the_words_and_drop_every_bidi_and_control_character()
    {
        var report = Report();
        var files = new Dictionary<string, string>
        {
            ["markdown"] = new MarkdownReportRenderer().Render(report),
            ["html"] = new HtmlReportRenderer().Render(report),
            ["csv"] = new CsvReportRenderer().RenderText(report),
        };

        foreach (var (name, text) in files)
        {
            AssertClean(name, text);
            Assert.Contains("ALPHA", text, StringComparison.Ordinal);
            Assert.Contains("OMEGA", text, StringComparison.Ordinal);
            if (name != "csv")
            {
                Assert.Contains("TITLE", text, StringComparison.Ordinal); // the CSV has one row per answer, no title
            }
        }
    }

    [Fact]
    public void The_word_report_drops_them_too()
    {
        using var document = new DocxTestDocument(new DocxReportRenderer().Render(Report()));

        var text = string.Join("\n", document.Paragraphs);
        AssertClean("docx", text);
        Assert.Contains("TITLE", text, StringComparison.Ordinal);
    }

    /// <summary>The one function every card, report and export uses.</summary>
    [Fact]
    public void The_shared_cleaner_removes_exactly_the_unsafe_characters_and_keeps_tabs_line_breaks_and_thai()
    {
        Assert.Equal("ALPHAโอเมก้า\tOMEGA", Core.Text.UnsafeCharacters.Remove(Answer));
        Assert.Equal("หนึ่ง\nสอง\nสาม", Core.Text.UnsafeCharacters.Remove("หนึ่ง\r\nสอง\u2028สาม"));
        Assert.Equal("😀 ok", Core.Text.UnsafeCharacters.Remove("😀 ok\uFFFF"));
    }

    internal static void AssertClean(string name, string text)
    {
        foreach (var c in Hidden)
        {
            var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            Assert.False(text.Contains(c, StringComparison.Ordinal), $"{name} holds U+{code}");
            Assert.False(text.Contains("&#x" + code.TrimStart('0'), StringComparison.OrdinalIgnoreCase), $"{name} holds U+{code} as an entity");
            Assert.False(text.Contains("\\u" + code, StringComparison.OrdinalIgnoreCase), $"{name} holds U+{code} as an escape");
        }
    }

    private static WorkshopReport Report()
    {
        var participants = new List<SummaryParticipant>
        {
            new("p1", "Mallory" + "\u202E", Record(
                ("goodPractices", LongText(Answer)),
                ("strategyRecommendations", LongText(Answer)),
                ("leveragePoints", LongText(Answer)))),
            new("p2", "Trent", Record(("goodPractices", LongText("ALPHA ปกติ")))),
        };
        var request = ReportTestData.Request(AnswerVisibility.Named, [new ReportGroup("g1", GroupName, participants)]) with { WorkshopTitle = Title };
        return new WorkshopReportBuilder(new GroupSummaryBuilder()).Build(request);
    }
}
