using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>How a workshop's data is exported: everything as JSON, or one CSV row per answer.</summary>
public enum ExportFormat
{
    Json,
    Csv,
}
