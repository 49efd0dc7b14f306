using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reports;

public enum ReportFormat
{
    Markdown,
    Html,
    Csv,
}
