using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>The follow-up feature's strings, from reminder-text.json.</summary>
internal static class ReminderText
{
    public static TextCatalog Default { get; } = TextCatalog.Embedded("reminder-text.json");
}
