using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reports;

public enum ReportFormat
{
    Markdown,
    Html,
    Csv,

    /// <summary>Word, in Thai (Thai digits), shaped like the ministry's report.</summary>
    Docx,

    /// <summary>The same Word document in English.</summary>
    DocxEnglish,
}
