using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>Which language the participant reads: their own choice, else English for an English locale, else Thai.</summary>
internal static class ParticipantLanguage
{
    public static Language Resolve(string? chosen, string? locale)
    {
        if (LanguageCodes.TryParse(chosen, out var language))
        {
            return language;
        }
        return LanguageCodes.ParseOrDefault(locale, Language.Thai);
    }
}
