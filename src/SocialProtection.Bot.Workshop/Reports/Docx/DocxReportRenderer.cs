using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SocialProtection.Bot.Workshop.Reports.Charts;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Exports;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// The report as a Word document (.docx, Open XML SDK) for the organisers to edit and paste into the ministry's report:
/// Thai (Thai digits, the default) or English, A4, TH Sarabun New, Word's heading styles, numbered items, tables with
/// repeating header rows, charts with their numbers in tables, page numbers, and the title and creation time in the
/// core properties. What <see cref="DocxReportContent"/> writes; this class makes the package around it.
/// </summary>
internal sealed class DocxReportRenderer(TextCatalog? text = null, TextCatalog? documentText = null, BarChartPainter? charts = null)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly TextCatalog _text = text ?? SummaryText.Default;
    private readonly TextCatalog _documentText = documentText ?? ReportDocumentText.Default;
    private readonly BarChartPainter _charts = charts ?? new BarChartPainter();

    public ReportFile ToFile(WorkshopReport report, Language language = Language.Thai) =>
        new(ReportWording.FileName(report, "docx"), ContentType, new BinaryData(Render(report, language)));

    public byte[] Render(WorkshopReport report, Language language = Language.Thai)
    {
        ArgumentNullException.ThrowIfNull(report);
        var words = new DocxWords(language, _text, _documentText);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var numbering = new DocxNumbering(words.IsThai);

            new DocxReportContent(report, words, new DocxBody(body, new DocxImages(main)), numbering, _charts).Write();
            body.Append(DocxPage.Section(main, words.Doc(ReportDocumentTextKeys.Page), words.IsThai));

            var languageTag = words.IsThai ? "th-TH" : "en-GB";
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Create(languageTag);
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering.Build();
            main.AddNewPart<FontTablePart>().Fonts = DocxFonts.Table();
            main.AddNewPart<DocumentSettingsPart>().Settings = Settings(languageTag);
            Properties(document, report, words, languageTag);
        }
        return stream.ToArray();
    }

    private static Settings Settings(string languageTag) => new(
        new DefaultTabStop { Val = 720 },
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new ThemeFontLanguages { Val = languageTag, Bidi = "th-TH" });

    private static void Properties(WordprocessingDocument document, WorkshopReport report, DocxWords words, string languageTag)
    {
        var properties = document.PackageProperties;
        properties.Title = DocxSafeText.Clean(words.Summary(SummaryTextKeys.ReportTitle) + " – " + report.WorkshopTitle).Replace('\n', ' ');
        properties.Subject = DocxSafeText.Clean(report.WorkshopTitle).Replace('\n', ' ');
        properties.Creator = "SocialProtection.Bot";
        properties.Language = languageTag;
        properties.Created = report.GeneratedAt.UtcDateTime;
        properties.Modified = report.GeneratedAt.UtcDateTime;
    }
}
