using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>Keeps each person's <see cref="ParticipantPreferences"/>: read when they start in a new workshop, written when they choose.</summary>
internal sealed class ParticipantPreferencesStore(IObjectStore objectStore, TimeProvider time)
{
    private readonly JsonObjectStore _store = new(objectStore, StoredJson.StoreOptions());

    /// <summary>The language the person chose, or null when they never chose one.</summary>
    public async Task<Language?> GetLanguageAsync(string userKey, CancellationToken cancellationToken)
    {
        var stored = await _store.ReadAsync<ParticipantPreferences>(WorkshopKeys.Preferences(userKey), cancellationToken);
        return LanguageCodes.TryParse(stored?.Value.Language, out var language) ? language : null;
    }

    /// <summary>Remembers <paramref name="language"/> as the person's choice (written only when it changes).</summary>
    public Task SaveLanguageAsync(string userKey, Language language, CancellationToken cancellationToken) =>
        _store.UpdateAsync<ParticipantPreferences>(
            WorkshopKeys.Preferences(userKey),
            existing => existing?.Language == language.ToCode()
                ? UpdateDecision.NoChange<ParticipantPreferences>()
                : UpdateDecision.Write((existing ?? new ParticipantPreferences()) with { Language = language.ToCode(), UpdatedAt = time.GetUtcNow() }),
            cancellationToken);
}
