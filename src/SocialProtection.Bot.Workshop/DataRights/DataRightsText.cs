using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>The data-rights feature's strings (erasure, downloads, exports), from data-rights-text.json.</summary>
internal static class DataRightsText
{
    public static TextCatalog Default { get; } = TextCatalog.Embedded("data-rights-text.json");
}
