namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// What a person chose once and keeps across workshops, stored at <c>users/{userKey}/preferences.json</c> (erased with
/// the rest of <c>users/{userKey}/</c>).
/// </summary>
internal sealed record ParticipantPreferences
{
    /// <summary>"th" or "en": the language the person chose explicitly.</summary>
    public string? Language { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
