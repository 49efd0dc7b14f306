using SocialProtection.Bot.Storage;

namespace SocialProtection.Bot.Workshop.Core.Users;

/// <summary>
/// The three per-user documents the bot wrote before <see cref="UserProfile"/> (issue 16), each under
/// <c>users/{userKey}/</c>: <c>active-workshop.json</c>, <c>preferences.json</c> and <c>personal-conversation.json</c>.
/// Read only to fold them into the profile (<see cref="UserProfileMigration"/>); never written.
/// </summary>
internal static class LegacyUserDocuments
{
    public const string ActiveWorkshopName = "active-workshop.json";
    public const string PreferencesName = "preferences.json";
    public const string PersonalConversationName = "personal-conversation.json";

    public static readonly IReadOnlyList<string> Names = [ActiveWorkshopName, PreferencesName, PersonalConversationName];

    /// <summary>True for a key of one of the legacy documents, e.g. <c>users/{userKey}/preferences.json</c>.</summary>
    public static bool IsLegacy(string key) =>
        UserPrefixOf(key) is not null && Names.Any(name => key.EndsWith("/" + name, StringComparison.Ordinal));

    /// <summary><c>users/{userKey}/</c> for a key directly under it, else null.</summary>
    public static string? UserPrefixOf(string key)
    {
        var slash = key.LastIndexOf('/');
        return key.StartsWith(UserProfileStore.UsersPrefix, StringComparison.Ordinal)
            && slash > UserProfileStore.UsersPrefix.Length
            && key.IndexOf('/', UserProfileStore.UsersPrefix.Length) == slash
            ? key[..(slash + 1)]
            : null;
    }

    /// <summary>What the legacy documents under <paramref name="userPrefix"/> held, and the versions read (to delete them by).</summary>
    public static async Task<(UserProfile Profile, IReadOnlyList<(string Key, string ETag)> Read)> ReadAsync(
        JsonObjectStore store, string userPrefix, CancellationToken cancellationToken)
    {
        var joined = ReadReadableAsync<ActiveWorkshop>(store, userPrefix + ActiveWorkshopName, cancellationToken);
        var preferences = ReadReadableAsync<LegacyPreferences>(store, userPrefix + PreferencesName, cancellationToken);
        var conversation = ReadReadableAsync<PersonalConversationRecord>(store, userPrefix + PersonalConversationName, cancellationToken);
        await Task.WhenAll(joined, preferences, conversation);
        var read = new List<(string, string)>();
        AddRead(read, userPrefix + ActiveWorkshopName, joined.Result);
        AddRead(read, userPrefix + PreferencesName, preferences.Result);
        AddRead(read, userPrefix + PersonalConversationName, conversation.Result);
        var profile = new UserProfile
        {
            Joined = joined.Result?.Value,
            Language = preferences.Result?.Value.Language,
            Conversation = conversation.Result?.Value,
        };
        return (profile, read);
    }

    /// <summary>
    /// <paramref name="profile"/> with what it lacks taken from <paramref name="legacy"/>: a profile field was written
    /// after the legacy documents (by this version of the bot), so it wins where both have one.
    /// </summary>
    public static UserProfile Fill(UserProfile profile, UserProfile legacy) => profile with
    {
        Joined = profile.Joined ?? legacy.Joined,
        Language = profile.Language ?? legacy.Language,
        Conversation = profile.Conversation ?? legacy.Conversation,
    };

    /// <summary>A damaged legacy document counts as absent and is left where it is (not read, so never deleted).</summary>
    private static async Task<Versioned<T>?> ReadReadableAsync<T>(JsonObjectStore store, string key, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await store.ReadAsync<T>(key, cancellationToken);
        }
        catch (StoredDataCorruptException)
        {
            return null;
        }
    }

    private static void AddRead<T>(List<(string, string)> read, string key, Versioned<T>? stored)
    {
        if (stored is not null)
        {
            read.Add((key, stored.ETag));
        }
    }

    /// <summary>The shape of <c>preferences.json</c>.</summary>
    private sealed record LegacyPreferences
    {
        public string? Language { get; init; }
    }
}
