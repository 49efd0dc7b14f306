using System.Text;
using System.Text.RegularExpressions;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Reports.Docx;
using SocialProtection.Bot.Workshop.Summaries;
using static SocialProtection.Bot.Workshop.Tests.Summaries.SummaryTestData;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reports.Docx;

/// <summary>
/// The Word report as a reader gets it: converted to PDF by LibreOffice headless, read back with pdftotext. The Thai
/// headings and the answers must come out whole and in order (no missing glyph, no split cluster), in a Thai face, and
/// page 1 is kept as a PNG in .artifacts/docx/ for a person to look at.
/// </summary>
public sealed partial class DocxLibreOfficeTests
{
    private static readonly string[] Answers =
    [
        "ฐานข้อมูลผู้รับสวัสดิการร่วมกันระหว่างหน่วยงาน ช่วยให้ไม่มีใครตกหล่น",
        "การประสานงานข้ามกระทรวงอย่างต่อเนื่องผ่านคณะทำงานร่วม",
        "ผู้สูงอายุและแรงงานนอกระบบได้รับการคุ้มครองเพิ่มขึ้นในปีที่ผ่านมา",
        "ควรจัดตั้งคณะกรรมการความคุ้มครองทางสังคมแห่งชาติ โดยมีนายกรัฐมนตรีเป็นประธาน",
        "ควรกำหนดเป้าหมายและตัวชี้วัดของยุทธศาสตร์ความคุ้มครองทางสังคมที่ชัดเจน",
        "เพิ่มงบประมาณภายในประเทศสำหรับเบี้ยยังชีพ และนำข้อแนะ ILO ฉบับที่ 202 มาปฏิบัติ",
    ];

    private static WorkshopReport Report()
    {
        var organisations = new[] { "government", "civilSociety", "otherStakeholder" };
        var people = Enumerable.Range(0, 6).Select(i => new SummaryParticipant(Id(i), Name(i), Record(
            ("organisationType", Choice(QuestionKind.SingleChoice, organisations[i % 3])),
            ("goodPractices", LongText(Answers[i])),
            ("obstacles", LongText(Answers[(i + 1) % 6])),
            ("leveragePoints", LongText("จุดคานงัดคือการประสานงานข้ามหน่วยงาน ข้อ " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ("strategyRecommendations", LongText(Answers[4])),
            ("mechanismRecommendations", LongText(Answers[3])),
            ("networkReadiness", Rating(1 + i % 5)),
            ("commitments", Commitments(new Commitment("c1", "จัดประชุมเครือข่ายพันธมิตรระดับจังหวัด", "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", new DateOnly(2027, 3, 1 + i))))))).ToList();
        return new WorkshopReportBuilder(new GroupSummaryBuilder()).Build(new WorkshopReportRequest
        {
            WorkshopId = WorkshopId,
            WorkshopTitle = "การประชุมเชิงปฏิบัติการ ความก้าวหน้าด้านความคุ้มครองทางสังคม",
            WorkshopDate = new DateOnly(2026, 12, 3),
            Visibility = AnswerVisibility.Anonymous,
            AnonymityKey = Key,
            QuestionSet = Set,
            Groups = [new ReportGroup("g1", "กลุ่ม 1", people[..3]), new ReportGroup("g2", "กลุ่ม 2", people[3..])],
            GeneratedAt = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero),
        });
    }

    [DocumentToolsFact]
    public async Task LibreOffice_prints_the_Thai_headings_and_answers_whole_and_in_order()
    {
        Assert.True(DocumentTools.Installed, "LibreOffice and poppler are required in CI: apt-get install libreoffice-writer-nogui poppler-utils fonts-thai-tlwg");
        var report = Report();
        var bytes = new DocxReportRenderer().Render(report);

        var (text, fonts) = await ConvertAsync(bytes, "report-th");

        Assert.DoesNotContain('\uFFFD', text);
        string[] headings =
        [
            "รายงานสรุปผลการประชุมเชิงปฏิบัติการ", "วันที่ ๓ ธันวาคม พ.ศ. ๒๕๖๙ (ค.ศ. ๒๐๒๖)",
            "๑ ภาพรวม", "๑.๑ การเข้าร่วม", "๒ ข้อสังเกต", "๓ ข้อเสนอแนะ", "๓.๑ เชิงนโยบาย", "๓.๑.๑ ด้านยุทธศาสตร์",
            "๓.๑.๒ ด้านกลไกการขับเคลื่อน", "๔ จุดคานงัด", "๕ สิ่งที่ภาคีรับจะดำเนินการ", "ภาคผนวก คำตอบทั้งหมด",
        ];
        AssertInOrder(text, headings);
        // The appendix lists each answer under its question and group, in the document's order.
        using var document = new DocxTestDocument(bytes);
        var appendix = document.Paragraphs.SkipWhile(p => p != "ภาคผนวก คำตอบทั้งหมด").ToList();
        var sample = appendix.Where(p => Answers.Any(a => p.EndsWith(a, StringComparison.Ordinal))).Take(6).ToList();
        Assert.Equal(6, sample.Count);
        AssertInOrder(text, ["ภาคผนวก คำตอบทั้งหมด", .. sample]);
        // TH Sarabun New resolves to a Thai face (Laksaman from fonts-thai-tlwg): Thai glyphs, not tofu boxes.
        Assert.Matches(ThaiFace(), fonts);
    }

    [DocumentToolsFact]
    public async Task LibreOffice_prints_the_English_document()
    {
        Assert.True(DocumentTools.Installed, "LibreOffice and poppler are required in CI.");
        var (text, _) = await ConvertAsync(new DocxReportRenderer().Render(Report(), Language.English), "report-en");

        AssertInOrder(text, ["Workshop summary report", "3 December 2026 (B.E. 2569)", "1 Overview", "2 Observations", "3.1.1 On strategy",
            "3.1.2 On driving mechanisms", "4 Leverage points", "5 Commitments", "Appendix: every answer", Answers[0]]);
    }

    /// <summary>Converts the document to PDF and back to text; keeps the .docx, the PDF and page 1 as PNG in .artifacts/docx/.</summary>
    private static async Task<(string Text, string Fonts)> ConvertAsync(byte[] docx, string name)
    {
        var artifacts = TestArtifacts.Folder("docx");
        var work = Directory.CreateTempSubdirectory("docx-lo-");
        try
        {
            var input = Path.Combine(work.FullName, name + ".docx");
            await File.WriteAllBytesAsync(input, docx);
            await DocumentTools.RunAsync(
                DocumentTools.Soffice!,
                ["-env:UserInstallation=file://" + Path.Combine(work.FullName, "profile"), "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work.FullName, input],
                TimeSpan.FromMinutes(3),
                new Dictionary<string, string> { ["HOME"] = work.FullName });
            var pdf = Path.Combine(work.FullName, name + ".pdf");
            Assert.True(File.Exists(pdf), "LibreOffice made no PDF");
            var text = await DocumentTools.RunAsync(DocumentTools.PdfToText!, ["-raw", "-enc", "UTF-8", pdf, "-"], TimeSpan.FromMinutes(1));
            var fonts = await DocumentTools.RunAsync(DocumentTools.PdfFonts!, [pdf], TimeSpan.FromMinutes(1));
            await DocumentTools.RunAsync(DocumentTools.PdfToPpm!, ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(artifacts, name + "-page1")], TimeSpan.FromMinutes(1));
            File.Copy(input, Path.Combine(artifacts, name + ".docx"), overwrite: true);
            File.Copy(pdf, Path.Combine(artifacts, name + ".pdf"), overwrite: true);
            await File.WriteAllTextAsync(Path.Combine(artifacts, name + ".txt"), text, Encoding.UTF8);
            return (text, fonts);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Each phrase appears after the previous one. Line ends and spaces are ignored (Thai wraps anywhere, and
    /// pdftotext breaks lines where the page does); the letters, vowels and tone marks must be exactly as written.
    /// </summary>
    private static void AssertInOrder(string text, IReadOnlyList<string> phrases)
    {
        var flat = Flatten(text);
        var from = 0;
        foreach (var phrase in phrases)
        {
            var at = flat.IndexOf(Flatten(phrase), from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{phrase}' is missing or out of order after position {from} in the PDF's text:\n{text}");
            from = at + 1;
        }
    }

    private static string Flatten(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("Laksaman|Sarabun|Garuda|Loma|Norasi|Kinnari|Umpush|Waree|Noto ?Sans ?Thai")]
    private static partial Regex ThaiFace();
}
