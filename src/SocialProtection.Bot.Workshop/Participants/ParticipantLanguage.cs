using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// Which language a participant reads: their own choice (made in this workshop, or remembered from another), else the
/// workshop's language (Thai unless the facilitators chose English). The client's locale never decides: Teams and the
/// Playground send the app's locale, not what the person reads.
/// </summary>
internal static class ParticipantLanguage
{
    public static Language Resolve(string? chosen, Language workshop) =>
        LanguageCodes.TryParse(chosen, out var language) ? language : workshop;
}
