using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Summaries;
using static SocialProtection.Bot.Workshop.Tests.Reports.ReportTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Tests.Reports;

public sealed class ReportRendererTests
{
    [Fact]
    public void Markdown_sections_come_in_the_reports_order_with_Thai_first()
    {
        var markdown = new MarkdownReportRenderer().Render(Build());

        string[] headings =
        [
            "# รายงานสรุปผลการประชุมเชิงปฏิบัติการ / Workshop summary report",
            "## 1. ภาพรวม / Overview",
            "## 2. ข้อสังเกต / Observations",
            "## 3. ข้อเสนอแนะ / Recommendations",
            "### 3.1 ด้านยุทธศาสตร์ / On strategy",
            "### 3.2 ด้านกลไกการขับเคลื่อน / On driving mechanisms",
            "## 4. จุดคานงัด / Leverage points",
            "## 5. สิ่งที่ภาคีรับจะดำเนินการ / Commitments",
        ];
        var lines = markdown.Split('\n').ToList();
        var positions = headings.Select(h => lines.IndexOf(h)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("พ.ศ. 2569", markdown, StringComparison.Ordinal);
        Assert.Contains("ค.ศ. 2026", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_shows_hostile_answers_as_text_with_no_link_emphasis_or_html()
    {
        var markdown = new MarkdownReportRenderer().Render(Build());

        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePipeTables().Build());
        var inlines = document.Descendants<Inline>().ToList();
        Assert.Empty(inlines.OfType<LinkInline>());
        Assert.Empty(inlines.OfType<HtmlInline>());
        Assert.Empty(inlines.OfType<HtmlEntityInline>());
        Assert.Empty(document.Descendants<HtmlBlock>());
        var literal = string.Concat(inlines.OfType<LiteralInline>().Select(l => l.Content.ToString()));
        Assert.Contains("[คลิก](https://evil.example)", literal, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script>", literal, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Descendants<EmphasisInline>(), e => e.Descendants<LiteralInline>().Any(l => l.Content.ToString().Contains("ด่วน", StringComparison.Ordinal)));
    }

    [Fact]
    public void Html_is_a_complete_printable_utf8_page_with_a_Thai_font_stack()
    {
        var file = new HtmlReportRenderer().ToFile(Build());
        var html = file.Content.ToString();

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"th\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("\"Sarabun\"", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>" + Environment.NewLine, html, StringComparison.Ordinal);
        Assert.Equal("text/html; charset=utf-8", file.ContentType);
        Assert.Equal("workshop-report-2026-11-23.html", file.FileName);
        Assert.Contains("ข้อสังเกต", html, StringComparison.Ordinal); // Thai stays readable, not entity-encoded
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal); // no external resources
    }

    [Fact]
    public void Html_escapes_every_hostile_answer()
    {
        var html = new HtmlReportRenderer().Render(Build());

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        // The only pictures are the report's own charts, inline PNGs; the answer's <img> is text.
        Assert.All(System.Text.RegularExpressions.Regex.Matches(html, "<img[^>]*>"), m => Assert.StartsWith("<img src=\"data:image/png;base64,", m.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("onerror=", html.Replace("onerror=alert(1)&gt;", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;ความคุ้มครองทางสังคม&lt;/b&gt;", html, StringComparison.Ordinal);
        var tags = System.Text.RegularExpressions.Regex.Matches(html, "<([a-zA-Z0-9!]+)").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["!DOCTYPE", "body", "br", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "head", "html", "img", "li", "meta", "p", "span", "strong", "style", "table", "tbody", "td", "th", "thead", "title", "tr", "ul"], tags);
    }

    [Fact]
    public void Html_shows_the_choice_rating_and_vote_charts_with_alternative_text()
    {
        var html = new HtmlReportRenderer().Render(Build());

        var images = System.Text.RegularExpressions.Regex.Matches(html, "<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"[^>]* alt=\"([^\"]+)\"");
        // organisationType, priorityGroups, networkReadiness, and the voted group's ranking: the Word report's charts.
        Assert.Equal(4, images.Count);
        Assert.All(images, m => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(m.Groups[1].Value)[..4]));
        Assert.Contains(images, m => m.Groups[2].Value.StartsWith("คุณมาจากหน่วยงานประเภทใด: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_opens_as_utf8_with_a_byte_order_mark_and_one_row_per_answer()
    {
        var report = Build();

        var bytes = new CsvReportRenderer().Render(report);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(10, rows[0].Count);
        Assert.StartsWith("รหัสกลุ่ม / Group id", rows[0][0], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Equal(10, r.Count));
        var expected = report.Groups.Sum(g => g.Questions.Sum(q => q is CommitmentsQuestionSummary c ? c.Commitments.Count : q.AnswerCount));
        Assert.Equal(expected, rows.Count - 1);
    }

    [Fact]
    public void Csv_quotes_by_RFC_4180_and_guards_against_formulas()
    {
        var text = new CsvReportRenderer().RenderText(Build());
        var rows = ParseCsv(text);

        Assert.Contains(rows, r => r[6] == QuotedAnswer); // comma, quotes and a line break survive a round trip
        Assert.Contains("\"ข้อเสนอ \"\"ด่วน\"\", สำคัญ\nบรรทัดที่สอง\"", text, StringComparison.Ordinal);
        Assert.Contains(rows, r => r[6] == "'" + FormulaAttack);
        Assert.Contains(rows, r => r[6] == "'-2+3 ทดสอบสูตร" && r[7] == "'@องค์กร" && r[9] == "2027-02-01");
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@');
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymous_reports_never_show_a_name_in_any_format()
    {
        var report = Build(AnswerVisibility.Anonymous);
        var outputs = new[]
        {
            new MarkdownReportRenderer().Render(report),
            new HtmlReportRenderer().Render(report),
            new CsvReportRenderer().RenderText(report),
        };

        foreach (var output in outputs)
        {
            Assert.DoesNotContain("Mallory", output, StringComparison.Ordinal);
            Assert.DoesNotContain("คุณสมชาย", output, StringComparison.Ordinal);
            Assert.DoesNotContain("aad-0001", output, StringComparison.Ordinal);
            Assert.Contains("ผู้เข้าร่วม 1", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Named_reports_show_names_escaped()
    {
        var report = Build(AnswerVisibility.Named);

        Assert.Contains("Mallory &lt;at&gt;all&lt;/at&gt;", new HtmlReportRenderer().Render(report), StringComparison.Ordinal);
        Assert.Contains("Mallory \\<at\\>all\\</at\\>", new MarkdownReportRenderer().Render(report), StringComparison.Ordinal);
        Assert.Contains("คุณสมชาย", new CsvReportRenderer().RenderText(report), StringComparison.Ordinal);
    }

    /// <summary>A strict RFC 4180 reader: fails the test on a stray quote.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "an unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                Assert.True(i == text.Length || text[i] is ',' or '\r', "text after a closing quote");
                continue;
            }
            switch (text[i])
            {
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r':
                    Assert.Equal('\n', text[i + 1]);
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i += 2;
                    break;
                default:
                    Assert.NotEqual('"', text[i]);
                    Assert.NotEqual('\n', text[i]);
                    field.Append(text[i++]);
                    break;
            }
        }
        Assert.Empty(row);
        return rows;
    }
}
