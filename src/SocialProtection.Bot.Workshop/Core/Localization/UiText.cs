using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Core.Localization;

/// <summary>The participant's strings that are not part of a question set (dialog, validation, status), from ui-text.json.</summary>
internal static class UiText
{
    public static TextCatalog Default { get; } = TextCatalog.Embedded("ui-text.json");
}
