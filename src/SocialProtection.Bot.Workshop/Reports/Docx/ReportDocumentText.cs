using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>The words only the Word report uses, from report-document-text.json (the words all reports share stay in summary-text.json).</summary>
internal static class ReportDocumentText
{
    public static TextCatalog Default { get; } = TextCatalog.Embedded("report-document-text.json");
}
