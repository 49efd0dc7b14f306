using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Reports.Docx;
using SocialProtection.Bot.Workshop.Summaries;
using static SocialProtection.Bot.Workshop.Tests.Reports.ReportTestData;
using static SocialProtection.Bot.Workshop.Tests.Summaries.SummaryTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Reports.Docx;

public sealed class DocxReportRendererTests
{
    /// <summary>Everything a participant could paste that must not change the document: controls, bidi overrides, XML-invalid characters, field and markup look-alikes.</summary>
    public const string HostileAnswer =
        "ก่อน\u0001\u0008\u001B\u007F\u0085\u009B ข้อความ\u202Eกลับด้าน\u202C \u2066แยก\u2069 \u200Fเครื่องหมาย\u200E สิ้นสุด"
        + " <w:p><w:r><w:t>ใส่ XML</w:t></w:r></w:p> ]]> &amp; { PAGE } HYPERLINK \"https://evil.example\" https://evil.example";

    private static readonly DocxReportRenderer Renderer = new();

    private static WorkshopReport HostileReport(AnswerVisibility visibility = AnswerVisibility.Anonymous)
    {
        var groups = Groups();
        groups.Add(new ReportGroup("g3", "กลุ่ม\u202E 3\u0007", [new SummaryParticipant("evil", "Eve\u202E\u0001 <w:t/>", Record(
            ("goodPractices", LongText(HostileAnswer)),
            ("strategyRecommendations", LongText(HostileAnswer)),
            ("commitments", Commitments(new Commitment("c1", "ทำ\u0002สิ่งนี้ { HYPERLINK x }\uFFFE", "องค์กร\u202D", new DateOnly(2027, 4, 1))))))]));
        return new WorkshopReportBuilder(new GroupSummaryBuilder()).Build(Request(visibility, groups) with { WorkshopTitle = "ชื่อ\u202E\u0003<b>เวิร์กชอป</b>\uFFFF\uDFFF\uD800" });
    }

    private static WorkshopReport EmptyReport() =>
        new WorkshopReportBuilder(new GroupSummaryBuilder()).Build(Request(groups: [new ReportGroup("g1", "กลุ่ม 1", [])]));

    public static TheoryData<string, Language> Documents() => new()
    {
        { "hostile", Language.Thai },
        { "hostile", Language.English },
        { "named", Language.Thai },
        { "empty", Language.Thai },
        { "empty", Language.English },
    };

    private static WorkshopReport Report(string kind) => kind switch
    {
        "hostile" => HostileReport(),
        "named" => HostileReport(AnswerVisibility.Named),
        "empty" => EmptyReport(),
        _ => Build(),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_document_passes_the_Open_XML_validator(string kind, Language language)
    {
        using var document = new DocxTestDocument(Renderer.Render(Report(kind), language));

        var errors = document.ValidationErrors();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Sections_are_Word_headings_numbered_in_Thai_digits_in_the_shape_of_the_ministrys_report()
    {
        using var document = new DocxTestDocument(Renderer.Render(Build()));

        string[] expected =
        [
            "๑ ภาพรวม", "๑.๑ การเข้าร่วม", "๑.๒ ผลการตอบคำถามแบบเลือกตอบและแบบให้คะแนน",
            "๒ ข้อสังเกต", "๓ ข้อเสนอแนะ", "๓.๑ เชิงนโยบาย", "๓.๑.๑ ด้านยุทธศาสตร์", "๓.๑.๒ ด้านกลไกการขับเคลื่อน",
            "๔ จุดคานงัด", "๕ สิ่งที่ภาคีรับจะดำเนินการ", "ภาคผนวก คำตอบทั้งหมด",
        ];
        var headings = document.Headings;
        var positions = expected.Select(h => headings.IndexOf(h)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("๒.๑ แนวปฏิบัติที่ดี", string.Join("\n", document.InStyle("Heading2")), StringComparison.Ordinal);
        Assert.Equal(["๓.๑.๑ ด้านยุทธศาสตร์", "๓.๑.๒ ด้านกลไกการขับเคลื่อน"], document.InStyle("Heading3").Take(2));
        var styles = document.Main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("heading 1", styles["Heading1"].StyleName!.Val!.Value);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(2, styles["Heading3"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
    }

    [Fact]
    public void The_title_block_gives_the_date_in_both_eras_with_Thai_digits_the_groups_and_the_counts()
    {
        var report = Build();
        using var document = new DocxTestDocument(Renderer.Render(report));

        var top = document.Paragraphs.Take(6).ToList();
        Assert.Equal("รายงานสรุปผลการประชุมเชิงปฏิบัติการ", top[0]);
        Assert.Equal(report.WorkshopTitle, top[1]);
        Assert.Equal("วันที่ ๒๓ พฤศจิกายน พ.ศ. ๒๕๖๙ (ค.ศ. ๒๐๒๖)", top[2]);
        Assert.Equal("กลุ่มย่อย ๒ กลุ่ม: กลุ่ม 1, กลุ่ม 2", top[3]);
        var t = report.Totals;
        Assert.Equal(ThaiDigits.FromAscii($"ผู้เข้าร่วม {t.Participants} คน ตอบแล้ว {t.Respondents} คน ส่งคำตอบแล้ว {t.Submitted} คน รวม {t.Answers} คำตอบ"), top[4]);
        Assert.Contains("๑๒", top[4], StringComparison.Ordinal);
        Assert.Contains("๒๔ พฤศจิกายน พ.ศ. ๒๕๖๙", top[5], StringComparison.Ordinal); // generated 08:30 UTC = 15:30 in Bangkok
        var core = document.Package.PackageProperties;
        Assert.Equal("รายงานสรุปผลการประชุมเชิงปฏิบัติการ – " + report.WorkshopTitle, core.Title);
        Assert.Equal(GeneratedAt.UtcDateTime, core.Created);
        Assert.Equal("th-TH", core.Language);
    }

    [Fact]
    public void English_mode_writes_the_same_document_in_English_with_ASCII_digits()
    {
        using var document = new DocxTestDocument(Renderer.Render(Build(), Language.English));

        var headings = document.Headings;
        Assert.Contains("1 Overview", headings);
        Assert.Contains("3.1 Policy recommendations", headings);
        Assert.Contains("3.1.1 On strategy", headings);
        Assert.Contains("3.1.2 On driving mechanisms", headings);
        Assert.Contains("Appendix: every answer", headings);
        Assert.Equal("23 November 2026 (B.E. 2569)", document.Paragraphs[2]);
        Assert.Equal(NumberFormatValues.Decimal, document.Main.NumberingDefinitionsPart!.Numbering!.Descendants<NumberingFormat>().Single().Val!.Value);
        Assert.DoesNotContain(document.Headings, h => h.Any(ThaiDigits.IsThaiDigit));
    }

    [Fact]
    public void The_page_is_A4_portrait_in_TH_Sarabun_New_with_Thai_marked_as_Thai()
    {
        using var document = new DocxTestDocument(Renderer.Render(Build()));

        var section = document.Body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.Equal(PageOrientationValues.Portrait, size.Orient!.Value);
        var defaults = document.Main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        var fonts = defaults.GetFirstChild<RunFonts>()!;
        Assert.Equal("TH Sarabun New", fonts.ComplexScript!.Value);
        Assert.Equal("TH Sarabun New", fonts.Ascii!.Value);
        Assert.Equal("th-TH", defaults.GetFirstChild<Languages>()!.Bidi!.Value);
        var fallback = document.Main.FontTablePart!.Fonts!.Elements<Font>().Single(f => f.Name == "TH Sarabun New");
        Assert.Equal("DE", fallback.FontCharSet!.Val!.Value); // Thai character set, so Word substitutes a Thai face
        var thaiRuns = document.Body.Descendants<Run>().Where(r => r.InnerText.Any(c => c is >= '\u0E00' and <= '\u0E7F')).ToList();
        Assert.NotEmpty(thaiRuns);
        Assert.All(thaiRuns, r => Assert.Equal("th-TH", r.RunProperties?.Languages?.Bidi?.Value));
    }

    [Fact]
    public void The_footer_numbers_pages_with_the_only_field_in_the_document()
    {
        using var document = new DocxTestDocument(Renderer.Render(HostileReport()));

        var footer = Assert.Single(document.Main.FooterParts).Footer!;
        var field = Assert.Single(footer.Descendants<SimpleField>());
        Assert.Equal(" PAGE ", field.Instruction!.Value);
        Assert.StartsWith("หน้า ", footer.InnerText, StringComparison.Ordinal);
        Assert.Empty(document.Body.Descendants<SimpleField>());
        Assert.Empty(document.Body.Descendants<FieldCode>());
        Assert.Empty(document.Body.Descendants<FieldChar>());
        Assert.Empty(document.Body.Descendants<Hyperlink>());
        Assert.Empty(document.Main.HyperlinkRelationships);
    }

    [Fact]
    public void Hostile_text_stays_text_without_controls_bidi_overrides_or_broken_XML()
    {
        var bytes = Renderer.Render(HostileReport(AnswerVisibility.Named));
        using var document = new DocxTestDocument(bytes);

        var text = string.Join("\n", document.Paragraphs);
        Assert.Contains("ก่อน ข้อความกลับด้าน แยก เครื่องหมาย สิ้นสุด <w:p><w:r><w:t>ใส่ XML</w:t></w:r></w:p> ]]> &amp; { PAGE } HYPERLINK \"https://evil.example\"", text, StringComparison.Ordinal);
        Assert.Contains("ชื่อ<b>เวิร์กชอป</b>", text, StringComparison.Ordinal);
        Assert.Contains("Eve <w:t/>", text, StringComparison.Ordinal);
        Assert.Contains("ทำสิ่งนี้ { HYPERLINK x }", text, StringComparison.Ordinal);
        foreach (var c in text)
        {
            Assert.False(char.IsControl(c) && c is not '\n' and not '\t', $"control U+{(int)c:X4}");
            Assert.False(c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\uFFFF' or '\uFFFE', $"U+{(int)c:X4}");
        }
        Assert.DoesNotContain(document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>(), t => t.Text.Any(char.IsSurrogate) && !HasOnlyPairs(t.Text));
        // The package's XML parses as XML (the validator reads it through the SDK; this reads the raw entry).
        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = System.Xml.XmlReader.Create(zip.GetEntry("word/document.xml")!.Open());
        while (reader.Read())
        {
        }
        var core = document.Package.PackageProperties.Title!;
        Assert.DoesNotContain('\u202E', core);
    }

    [Fact]
    public void Anonymous_documents_show_numbers_and_never_a_name()
    {
        using var document = new DocxTestDocument(Renderer.Render(HostileReport()));

        var text = string.Join("\n", document.Paragraphs);
        Assert.DoesNotContain("Mallory", text, StringComparison.Ordinal);
        Assert.DoesNotContain("คุณสมชาย", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Eve", text, StringComparison.Ordinal);
        Assert.Contains("ผู้เข้าร่วม ๑: ", text, StringComparison.Ordinal);
        Assert.Contains("ผู้ตอบแสดงด้วยหมายเลขตามสรุปผลของกลุ่ม โดยไม่ระบุชื่อ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommendations_are_numbered_items_of_a_Thai_digit_list()
    {
        using var document = new DocxTestDocument(Renderer.Render(Build()));

        var numbering = document.Main.NumberingDefinitionsPart!.Numbering!;
        var level = numbering.Descendants<Level>().Single();
        Assert.Equal(NumberFormatValues.ThaiNumbers, level.NumberingFormat!.Val!.Value);
        Assert.Equal("%1)", level.LevelText!.Val!.Value);
        var defined = numbering.Elements<NumberingInstance>().Select(n => n.NumberID!.Value).ToHashSet();
        var items = document.Body.Descendants<NumberingProperties>().Select(n => n.NumberingId!.Val!.Value).ToList();
        Assert.NotEmpty(items);
        Assert.All(items, id => Assert.Contains(id, defined));
        // Strategy and mechanisms each have their own list, starting again at ๑).
        Assert.All(numbering.Elements<NumberingInstance>(), n => Assert.Equal(1, n.GetFirstChild<LevelOverride>()!.StartOverrideNumberingValue!.Val!.Value));
    }

    [Fact]
    public void Tables_repeat_their_header_row_and_commitments_say_who_what_and_by_when()
    {
        var report = Build();
        using var document = new DocxTestDocument(Renderer.Render(report));

        var tables = document.Body.Descendants<Table>().ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
        var commitments = tables.Single(t => t.Elements<TableRow>().First().InnerText.Contains("สิ่งที่จะดำเนินการ", StringComparison.Ordinal));
        var header = commitments.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["ที่", "ผู้รับผิดชอบ / หน่วยงาน", "สิ่งที่จะดำเนินการ", "ภายในวันที่", "กลุ่ม"], header);
        Assert.Equal(report.Commitments.Count + 1, commitments.Elements<TableRow>().Count());
        Assert.Contains("๑ ก.พ. ๒๕๗๐ (๒๐๒๗)", commitments.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_are_PNG_pictures_with_alternative_text_and_their_numbers_in_a_table()
    {
        using var document = new DocxTestDocument(Renderer.Render(Build()));

        var images = document.Main.ImageParts.ToList();
        // organisationType, priorityGroups, networkReadiness, and the voted group's ranking.
        Assert.Equal(4, images.Count);
        Assert.All(images, i => Assert.Equal("image/png", i.ContentType));
        var pictures = document.Body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().ToList();
        Assert.Equal(4, pictures.Count);
        Assert.All(pictures, p => Assert.StartsWith("แผนภูมิแท่ง ", p.Description!.Value, StringComparison.Ordinal));
        Assert.Equal(pictures.Count, pictures.Select(p => p.Id!.Value).Distinct().Count());
        Assert.Contains(document.Paragraphs, p => p.StartsWith("คะแนนเฉลี่ย ", StringComparison.Ordinal));
        Assert.Contains(document.Body.Descendants<Table>(), t => t.InnerText.Contains("ร้อยละ", StringComparison.Ordinal));
    }

    [Fact]
    public void Leverage_points_are_ranked_by_dots()
    {
        var report = Build();
        using var document = new DocxTestDocument(Renderer.Render(report));

        var voted = report.LeveragePoints.Single(g => g.Voted);
        var table = document.Body.Descendants<Table>().First(t => t.Elements<TableRow>().First().InnerText.StartsWith("อันดับ", StringComparison.Ordinal));
        var rows = table.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(voted.Points.Count, rows.Count);
        Assert.Equal("๑", rows[0][0]);
        Assert.Equal(ThaiDigits.FromAscii(voted.Points[0].Dots!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows[0][3]);
        Assert.Equal(voted.Points[0].Text, rows[0][1]);
    }

    [Fact]
    public void A_workshop_with_no_answers_gives_a_short_document_that_says_so()
    {
        using var document = new DocxTestDocument(Renderer.Render(EmptyReport()));

        Assert.Contains("ยังไม่มีผู้ตอบคำถาม รายงานจะมีเนื้อหาเมื่อผู้เข้าร่วมเริ่มตอบ", document.Paragraphs);
        Assert.True(document.Paragraphs.Count < 10, string.Join(" | ", document.Paragraphs));
        Assert.Empty(document.Headings);
        Assert.Empty(document.Main.ImageParts);
    }

    [Fact]
    public void The_file_is_a_docx_named_like_the_other_reports()
    {
        var file = Renderer.ToFile(Build());

        Assert.Equal("workshop-report-2026-11-23.docx", file.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.ContentType);
        Assert.Equal((byte)'P', file.Content.ToArray()[0]); // a zip package
    }

    private static bool HasOnlyPairs(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
