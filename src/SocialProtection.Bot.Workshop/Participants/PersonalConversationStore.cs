using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>Keeps each user's personal conversation reference, written only when it changed, and the welcome-once mark.</summary>
internal sealed class PersonalConversationStore(IObjectStore objectStore, TimeProvider time)
{
    private readonly JsonObjectStore _store = new(objectStore, StoredJson.StoreOptions());

    /// <summary>
    /// Stores <paramref name="reference"/> unless the same one is already stored. <paramref name="likelyNew"/>: the user
    /// is probably new to the bot, so a create is tried first, which spares reading a record that is not there.
    /// </summary>
    public async Task SaveAsync(string userKey, ConversationReference reference, CancellationToken cancellationToken, bool likelyNew = false)
    {
        var normalized = ConversationFingerprint.Normalize(reference);
        var fingerprint = ConversationFingerprint.Of(normalized);
        if (likelyNew)
        {
            try
            {
                await _store.WriteAsync(WorkshopKeys.PersonalConversation(userKey), New(normalized, fingerprint), WriteCondition.IfNotExists, cancellationToken);
                return;
            }
            catch (PreconditionFailedException)
            {
                // Known already: compare and update as usual.
            }
        }
        await _store.UpdateAsync<PersonalConversationRecord>(
            WorkshopKeys.PersonalConversation(userKey),
            existing => existing?.Fingerprint == fingerprint
                ? UpdateDecision.NoChange<PersonalConversationRecord>()
                : UpdateDecision.Write((existing ?? New(normalized, fingerprint)) with
                {
                    Reference = normalized,
                    Fingerprint = fingerprint,
                    UpdatedAt = time.GetUtcNow(),
                }),
            cancellationToken);
    }

    /// <summary>
    /// Stores the reference and marks its conversation as welcomed. True only for the one call that made the mark,
    /// so the paired install events (installationUpdate and conversationUpdate) welcome the user once.
    /// </summary>
    public async Task<bool> MarkWelcomedAsync(string userKey, ConversationReference reference, CancellationToken cancellationToken)
    {
        var normalized = ConversationFingerprint.Normalize(reference);
        var fingerprint = ConversationFingerprint.Of(normalized);
        var conversationId = normalized.Conversation?.Id;
        var result = await _store.UpdateAsync<PersonalConversationRecord>(
            WorkshopKeys.PersonalConversation(userKey),
            existing => existing?.WelcomedConversationId == conversationId
                ? UpdateDecision.NoChange<PersonalConversationRecord>()
                : UpdateDecision.Write(New(normalized, fingerprint) with { WelcomedConversationId = conversationId }),
            cancellationToken);
        return result.Changed;
    }

    public async Task<PersonalConversationRecord?> GetAsync(string userKey, CancellationToken cancellationToken) =>
        (await _store.ReadAsync<PersonalConversationRecord>(WorkshopKeys.PersonalConversation(userKey), cancellationToken))?.Value;

    private PersonalConversationRecord New(ConversationReference reference, string fingerprint) => new()
    {
        Reference = reference,
        Fingerprint = fingerprint,
        UpdatedAt = time.GetUtcNow(),
    };
}
