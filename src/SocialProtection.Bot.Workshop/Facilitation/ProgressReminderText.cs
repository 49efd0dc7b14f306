using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>The strings of the progress card's names and its "remind those who have not finished" button, from progress-reminder-text.json.</summary>
internal static class ProgressReminderText
{
    public static TextCatalog Default { get; } = TextCatalog.Embedded("progress-reminder-text.json");
}
