using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Core.Users;

/// <summary>
/// Reads and writes each person's <see cref="UserProfile"/>. Every change is a conditional write over the version read
/// (a turn passes the snapshot it read already, so a first turn reads the profile once), and nothing is written when
/// nothing changed. Until this process has folded the documents from before the profile into it
/// (<see cref="UserProfileMigration"/>), a missing profile is read from them instead, so nobody's workshop, language or
/// chat is forgotten in between.
/// </summary>
internal sealed class UserProfileStore(IObjectStore objectStore, TimeProvider time)
{
    /// <summary>Where every user's documents are: <c>users/{userKey}/</c>.</summary>
    public const string UsersPrefix = "users/";

    private const string ProfileName = "profile.json";

    private readonly JsonObjectStore _store = new(objectStore, StoredJson.StoreOptions());
    private readonly TaskCompletionSource _legacyFolded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this process folded every legacy document it found into the profiles.</summary>
    public Task LegacyFolded => _legacyFolded.Task;

    /// <summary><c>users/{userKey}/profile.json</c>.</summary>
    public static string Key(string userKey) => WorkshopKeys.UserPrefix(userKey) + ProfileName;

    public async Task<UserProfileSnapshot> ReadAsync(string userKey, CancellationToken cancellationToken)
    {
        if (await _store.ReadAsync<UserProfile>(Key(userKey), cancellationToken) is { } stored)
        {
            return new UserProfileSnapshot(stored.Value, stored.ETag);
        }
        if (_legacyFolded.Task.IsCompleted)
        {
            return new UserProfileSnapshot(UserProfile.Empty, null);
        }
        var (legacy, _) = await LegacyUserDocuments.ReadAsync(_store, WorkshopKeys.UserPrefix(userKey), cancellationToken);
        return new UserProfileSnapshot(legacy, null);
    }

    /// <summary>How to reach the user in personal chat, or null when the bot never had one.</summary>
    public async Task<PersonalConversationRecord?> GetConversationAsync(string userKey, CancellationToken cancellationToken) =>
        (await ReadAsync(userKey, cancellationToken)).Value.Conversation;

    /// <summary>
    /// Points the user's personal chat at <paramref name="workshopId"/> and, when given, stores how to reach them there,
    /// in one write over <paramref name="known"/> (or a fresh read); the profile as stored afterwards.
    /// </summary>
    public async Task<UserProfileSnapshot> JoinAsync(
        string userKey, string workshopId, string groupId, ConversationReference? personalChat, UserProfileSnapshot? known, CancellationToken cancellationToken)
    {
        var normalized = personalChat is null ? null : ConversationFingerprint.Normalize(personalChat);
        var fingerprint = normalized is null ? null : ConversationFingerprint.Of(normalized);
        var (_, stored) = await ChangeAsync(userKey, known, profile =>
        {
            var joined = profile.Joined?.WorkshopId == workshopId && profile.Joined.GroupId == groupId
                ? profile
                : profile with { Joined = new ActiveWorkshop { WorkshopId = workshopId, GroupId = groupId, JoinedAt = time.GetUtcNow() } };
            var reached = normalized is null || profile.Conversation?.Fingerprint == fingerprint
                ? joined
                : joined with { Conversation = WithReference(profile.Conversation, normalized, fingerprint!) };
            return reached == profile ? null : reached;
        }, cancellationToken);
        return stored;
    }

    /// <summary>Points the user back at the default workshop when they were in <paramref name="workshopId"/>; true when it did.</summary>
    public async Task<bool> ForgetJoinedAsync(string userKey, string workshopId, CancellationToken cancellationToken) =>
        (await ChangeAsync(userKey, known: null, profile => profile.Joined?.WorkshopId == workshopId ? profile with { Joined = null } : null, cancellationToken)).Changed;

    /// <summary>Remembers <paramref name="language"/> as the person's choice for their next workshops.</summary>
    public Task SaveLanguageAsync(string userKey, Language language, CancellationToken cancellationToken) =>
        ChangeAsync(userKey, known: null, profile => profile.Language == language.ToCode() ? null : profile with { Language = language.ToCode() }, cancellationToken);

    /// <summary>
    /// Stores <paramref name="reference"/> unless the same one is stored. <paramref name="known"/>: the profile as the
    /// turn read it, written over directly (a stale one costs a second read, never a lost field).
    /// </summary>
    public Task SaveConversationAsync(string userKey, ConversationReference reference, UserProfileSnapshot? known, CancellationToken cancellationToken)
    {
        var normalized = ConversationFingerprint.Normalize(reference);
        var fingerprint = ConversationFingerprint.Of(normalized);
        return ChangeAsync(userKey, known, profile => profile.Conversation?.Fingerprint == fingerprint
            ? null
            : profile with { Conversation = WithReference(profile.Conversation, normalized, fingerprint) },
            cancellationToken);
    }

    /// <summary>
    /// Stores the reference and marks its conversation as welcomed. True only for the one call that made the mark,
    /// so the paired install events (installationUpdate and conversationUpdate) welcome the user once.
    /// </summary>
    public async Task<bool> MarkWelcomedAsync(string userKey, ConversationReference reference, CancellationToken cancellationToken)
    {
        var normalized = ConversationFingerprint.Normalize(reference);
        var conversationId = normalized.Conversation?.Id;
        var (changed, _) = await ChangeAsync(userKey, known: null, profile => profile.Conversation?.WelcomedConversationId == conversationId
            ? null
            : profile with { Conversation = NewConversation(normalized, ConversationFingerprint.Of(normalized)) with { WelcomedConversationId = conversationId } },
            cancellationToken);
        return changed;
    }

    /// <summary>
    /// Folds the legacy documents under <paramref name="userPrefix"/> into that user's profile (what the profile has
    /// wins), then deletes the ones it read; one that changed meanwhile stays for the next start. Idempotent.
    /// </summary>
    public async Task FoldLegacyAsync(string userPrefix, CancellationToken cancellationToken)
    {
        var (legacy, read) = await LegacyUserDocuments.ReadAsync(_store, userPrefix, cancellationToken);
        if (read.Count == 0)
        {
            return;
        }
        await _store.UpdateAsync<UserProfile>(userPrefix + ProfileName, existing =>
        {
            var folded = LegacyUserDocuments.Fill(existing ?? UserProfile.Empty, legacy);
            return folded == existing ? UpdateDecision.NoChange<UserProfile>() : UpdateDecision.Write(folded with { UpdatedAt = time.GetUtcNow() });
        }, cancellationToken);
        foreach (var (key, etag) in read)
        {
            try
            {
                await objectStore.DeleteAsync(key, etag, cancellationToken);
            }
            catch (PreconditionFailedException)
            {
                // Rewritten meanwhile by an instance still on the old version: folded in at the next start.
            }
        }
    }

    /// <summary>Called once every legacy document this process listed was folded in: from now on a missing profile is empty.</summary>
    public void MarkLegacyFolded() => _legacyFolded.TrySetResult();

    /// <summary>
    /// Applies <paramref name="change"/> (null: nothing to change) over <paramref name="known"/> or a fresh read, and
    /// when another writer got in first, over the stored version until it lands: whether it wrote, and the profile as
    /// stored now (the one it was applied to when it changed nothing).
    /// </summary>
    private async Task<(bool Changed, UserProfileSnapshot Stored)> ChangeAsync(
        string userKey, UserProfileSnapshot? known, Func<UserProfile, UserProfile?> change, CancellationToken cancellationToken)
    {
        var key = Key(userKey);
        var first = known ?? await ReadAsync(userKey, cancellationToken);
        if (change(first.Value) is not { } next)
        {
            return (false, first);
        }
        try
        {
            var condition = first.ETag is null ? WriteCondition.IfNotExists : WriteCondition.IfMatch(first.ETag);
            next = next with { UpdatedAt = time.GetUtcNow() };
            return (true, new UserProfileSnapshot(next, await _store.WriteAsync(key, next, condition, cancellationToken)));
        }
        catch (PreconditionFailedException)
        {
            // Someone else wrote it since (another turn, or the fold): apply the change to what they stored.
        }
        var result = await _store.UpdateAsync<UserProfile>(key, existing =>
            change(existing ?? UserProfile.Empty) is { } changed
                ? UpdateDecision.Write(changed with { UpdatedAt = time.GetUtcNow() })
                : UpdateDecision.NoChange<UserProfile>(),
            cancellationToken);
        return (result.Changed, new UserProfileSnapshot(result.Value ?? UserProfile.Empty, result.ETag));
    }

    private PersonalConversationRecord WithReference(PersonalConversationRecord? current, ConversationReference reference, string fingerprint) =>
        (current ?? NewConversation(reference, fingerprint)) with { Reference = reference, Fingerprint = fingerprint, UpdatedAt = time.GetUtcNow() };

    private PersonalConversationRecord NewConversation(ConversationReference reference, string fingerprint) => new()
    {
        Reference = reference,
        Fingerprint = fingerprint,
        UpdatedAt = time.GetUtcNow(),
    };
}
