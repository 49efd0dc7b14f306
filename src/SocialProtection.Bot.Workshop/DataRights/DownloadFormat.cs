using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>The file format of a download: an export is JSON or CSV; a report is Markdown, HTML, CSV or Word (Thai or English).</summary>
internal enum DownloadFormat
{
    Json,
    Csv,
    Md,
    Html,
    Docx,
    DocxEnglish,
}
