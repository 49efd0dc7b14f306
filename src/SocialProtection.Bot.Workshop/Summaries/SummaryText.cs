using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>The strings of summaries, dot votes and reports, from summary-text.json. Plain text, no markdown, so every renderer can use them as they are.</summary>
internal static class SummaryText
{
    public static TextCatalog Default { get; } = TextCatalog.Embedded("summary-text.json");
}
