namespace SocialProtection.Bot.Workshop.Core.Users;

/// <summary>
/// What the bot keeps per person across workshops, in one document (<c>users/{userKey}/profile.json</c>) so that a
/// first turn reads and writes it once: which workshop their personal chat answers into, the language they chose, and
/// how to reach them later. Before issue 16 these were three documents (<see cref="UserProfileMigration"/>).
/// </summary>
internal sealed record UserProfile
{
    public static readonly UserProfile Empty = new();

    /// <summary>The workshop (and group) they last joined from a channel's kickoff card; null: the default workshop.</summary>
    public ActiveWorkshop? Joined { get; init; }

    /// <summary>"th" or "en": the language they chose explicitly, brought into each new workshop record.</summary>
    public string? Language { get; init; }

    /// <summary>Their personal chat with the bot, for reminders; null until they install the bot or write to it.</summary>
    public PersonalConversationRecord? Conversation { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The language they chose, or null when they never chose one.</summary>
    public Language? ChosenLanguage => LanguageCodes.TryParse(Language, out var language) ? language : null;
}
