using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>The facilitator side's strings (set-up, kickoff, joining, progress, postings), from facilitation-text.json. Values are card markdown: arguments holding user text must be escaped by the caller.</summary>
internal static class FacilitationText
{
    public static TextCatalog Default { get; } = TextCatalog.Embedded("facilitation-text.json");
}
