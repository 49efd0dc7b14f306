using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Diagnostics;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// Runs one participant turn the way that loses nothing and duplicates nothing (BotBuilder sample 42, "scale-out"):
/// read the record with its ETag, run the pure conversation on it, write it back only over the version read, and
/// only then let the caller send the replies. When another turn of the same participant saved first, the whole turn
/// is redone on the new record (a bounded number of times). An activity already in the record is not applied again.
/// An answer to the version this instance saw last skips the read (<see cref="ParticipantRecordCache"/>): the
/// If-Match write is what guarantees it applies to the current record.
/// </summary>
internal sealed partial class ParticipantTurnRunner
{
    private readonly JsonObjectStore _store;
    private readonly UserProfileStore _profiles;
    private readonly ParticipantConversation _conversation;
    private readonly ParticipantRecordCache _cache;
    private readonly ParticipantOptions _options;
    private readonly ILogger _logger;
    private readonly WorkshopMetrics? _metrics;

    public ParticipantTurnRunner(
        IObjectStore store,
        UserProfileStore profiles,
        ParticipantConversation conversation,
        ParticipantRecordCache cache,
        IOptions<ParticipantOptions> options,
        ILogger<ParticipantTurnRunner> logger,
        WorkshopMetrics? metrics = null)
    {
        _metrics = metrics;
        _store = new JsonObjectStore(store, StoredJson.StoreOptions());
        _profiles = profiles;
        _conversation = conversation;
        _cache = cache;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Starts reading the record a turn of <paramref name="userKey"/> begins with, in <paramref name="workshopId"/> when
    /// the caller knows it (a join), else in the workshop their last turn here went to (else the default one), while the
    /// caller reads their profile; null when this instance holds that record already. Pass it on in
    /// <see cref="ParticipantTurnRequest.ReadAhead"/>.
    /// </summary>
    public ParticipantReadAhead? ReadAhead(string userKey, string? workshopId, CancellationToken cancellationToken)
    {
        workshopId ??= _cache.WorkshopOf(userKey) ?? _options.DefaultWorkshopId;
        var key = WorkshopKeys.Participant(workshopId, userKey);
        return _cache.Get(key) is null
            ? new ParticipantReadAhead(workshopId, _store.ReadAsync<ParticipantRecord>(key, cancellationToken))
            : null;
    }

    public async Task<ParticipantTurnResult> RunAsync(ParticipantTurnRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await RunTurnAsync(request, cancellationToken);
        }
        finally
        {
            request.ReadAhead?.Discard();
        }
    }

    private async Task<ParticipantTurnResult> RunTurnAsync(ParticipantTurnRequest request, CancellationToken cancellationToken)
    {
        var key = WorkshopKeys.Participant(request.WorkshopId, request.Identity.Key);
        _cache.NoteWorkshop(request.Identity.Key, request.WorkshopId);
        var ahead = request.ReadAhead is { } a && a.WorkshopId == request.WorkshopId && !request.ExistingRecordOnly ? a : null;
        var set = request.Set;
        var facts = request.Facts;
        var reference = request.PersonalConversation is { } r ? ConversationFingerprint.Normalize(r) : null;
        var fingerprint = reference is null ? null : ConversationFingerprint.Of(reference);
        var referenceSaved = false;
        var language = facts.WorkshopLanguage;
        Language? remembered = null;
        var profile = request.Profile;
        var rememberedRead = false;
        try
        {
            // The common turn, an answer to the record this instance saw last, is written over that version without
            // reading it again. Anything else (a redelivery, a turn that changes nothing, a new conversation
            // reference, a version replaced elsewhere) takes the full path below on a fresh read.
            if (_cache.Get(key) is { } cached && !cached.Value.HasProcessed(facts.ActivityId))
            {
                var (outcome, next, referenceChanged) = Apply(cached.Value, request, fingerprint);
                if (outcome.Changed && !referenceChanged)
                {
                    try
                    {
                        var etag = await _store.WriteAsync(key, next, WriteCondition.IfMatch(cached.ETag), cancellationToken);
                        _cache.Set(key, new Versioned<ParticipantRecord>(next, etag));
                        await RememberLanguageAsync(request, outcome, cancellationToken);
                        return Completed(outcome with { Record = next }, set, facts);
                    }
                    catch (PreconditionFailedException)
                    {
                        _cache.Remove(key);
                        _metrics?.TurnRedone();
                    }
                }
            }

            // Someone this instance has not seen may be new to the workshop, and then their language from another one is
            // needed too: unless the caller read their profile already, it is read alongside the record, so a first turn
            // waits for one read, not two in a row.
            Task<UserProfileSnapshot?>? profileRead = request.Profile is { } read
                ? Task.FromResult<UserProfileSnapshot?>(read)
                : _cache.Get(key) is null && !request.ExistingRecordOnly ? ReadProfileAsync(request.Identity.Key, cancellationToken) : null;
            for (var attempt = 1; attempt <= _options.MaxTurnAttempts; attempt++)
            {
                var current = attempt == 1 && ahead is not null
                    ? await ahead.Record
                    : await _store.ReadAsync<ParticipantRecord>(key, cancellationToken);
                if (current is not null && _cache.Get(key) is { } known && known.ETag == current.ETag)
                {
                    // The very version this instance holds, with the open card it noted since (not stored yet).
                    current = known;
                }
                if (current is null && request.ExistingRecordOnly)
                {
                    return new ParticipantTurnResult.NoRecord(language);
                }
                if (current is not null)
                {
                    _cache.Set(key, current);
                }
                if (current is null && !rememberedRead)
                {
                    // Someone new to this workshop brings the language they chose in another one.
                    profile = await (profileRead ?? ReadProfileAsync(request.Identity.Key, cancellationToken));
                    remembered = profile?.Value.ChosenLanguage;
                    rememberedRead = true;
                }
                var record = current?.Value ?? NewRecord(request.WorkshopId, request.Identity.Key, set, facts.Now) with { Language = remembered?.ToCode() };
                language = ParticipantLanguage.Resolve(record.Language, facts.WorkshopLanguage);
                if (record.HasProcessed(facts.ActivityId))
                {
                    LogDuplicate(_logger, request.WorkshopId);
                    return new ParticipantTurnResult.Completed(ParticipantConversation.Replay(record, set, request.Input, facts), set, language, Duplicate: true);
                }

                var (outcome, next, referenceChanged) = Apply(record, request, fingerprint);
                if (!outcome.Changed && !referenceChanged)
                {
                    return Completed(outcome, set, facts);
                }
                // A new reference is stored alongside the record, which claims it (its fingerprint) only once it is
                // stored: on this instance's copy now, so it rides along with the record's next write. A record never
                // claims a reference that was not stored, and a first turn waits for one write, not two in a row.
                // One the profile holds already (stored on install) is claimed at once.
                referenceSaved |= referenceChanged && profile is { ETag: not null } && profile.Value.Conversation?.Fingerprint == fingerprint;
                var saving = referenceChanged && !referenceSaved
                    ? SaveReferenceAsync(request.Identity.Key, reference!, profile, cancellationToken)
                    : null;
                var written = saving is null ? next : next with { ConversationFingerprint = record.ConversationFingerprint };
                try
                {
                    var writing = _store.WriteAsync(key, written, current is null ? WriteCondition.IfNotExists : WriteCondition.IfMatch(current.ETag), cancellationToken);
                    referenceSaved |= saving is not null && await saving;
                    var etag = await writing;
                    _cache.Set(key, new Versioned<ParticipantRecord>(referenceSaved ? next : written, etag));
                    await RememberLanguageAsync(request, outcome, cancellationToken);
                    return Completed(outcome with { Record = next }, set, facts);
                }
                catch (PreconditionFailedException)
                {
                    _cache.Remove(key);
                    _metrics?.TurnRedone();
                    LogConflict(_logger, request.WorkshopId, attempt);
                    await Task.Delay(RetryDelay(attempt), cancellationToken);
                }
            }
            LogGaveUp(_logger, request.WorkshopId, LogId(request.Identity.Key), _options.MaxTurnAttempts);
            _metrics?.TurnRefused("conflicts");
        }
        // Exceptions are logged by type only: their messages name storage keys, which hold user ids.
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException)
        {
            LogUnavailable(_logger, request.WorkshopId, e.GetType().Name);
            _metrics?.TurnRefused(e is StorageUnavailableException ? "storage_unavailable" : "conflicts");
        }
        catch (StoredDataCorruptException e) when (!NewerRecordVersionException.IsCause(e))
        {
            // Trying again cannot help: the participant is told so, with the code facilitators see (issue 15 item 6).
            var code = DamagedRecordCode.Of(e.Key);
            LogCorrupt(_logger, request.WorkshopId, LogId(request.Identity.Key), code);
            return new ParticipantTurnResult.Damaged(language, code);
        }
        catch (StoredDataCorruptException)
        {
            // Written by a newer bot during a deployment: not damaged, and soon readable here or by the new instance.
            LogNewerRecord(_logger, request.WorkshopId, LogId(request.Identity.Key));
        }
        return new ParticipantTurnResult.Unavailable(language);
    }

    /// <summary>
    /// Notes which message holds the participant's open question card, after the turn's messages went out. It rides
    /// along with the record's next write: noted on this instance's cached version (same ETag), so answering costs no
    /// extra write. Without a cache it is written at once over the saved <paramref name="revision"/>. Best effort: when
    /// another instance or turn got in first, the note is lost and the next typed answer just leaves the old card open.
    /// </summary>
    public async Task TrackOpenCardAsync(string workshopId, string userKey, long revision, OpenCard? card, CancellationToken cancellationToken)
    {
        var key = WorkshopKeys.Participant(workshopId, userKey);
        if (_cache.Get(key) is { } cached)
        {
            if (cached.Value.Revision == revision && cached.Value.OpenCard != card)
            {
                _cache.Set(key, cached with { Value = cached.Value with { OpenCard = card } });
            }
            return;
        }
        try
        {
            var current = await _store.ReadAsync<ParticipantRecord>(key, cancellationToken);
            if (current is null || current.Value.Revision != revision || current.Value.OpenCard == card)
            {
                return;
            }
            await _store.WriteAsync(key, current.Value with { OpenCard = card }, WriteCondition.IfMatch(current.ETag), cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            // Another turn saved first; it notes its own card.
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            LogOpenCardNotTracked(_logger, workshopId, e.GetType().Name);
        }
    }

    /// <summary>
    /// Stores how to reach the participant later, over their profile as read (<paramref name="known"/>, when it was);
    /// false when storage refused it (the next turn tries again).
    /// </summary>
    private async Task<bool> SaveReferenceAsync(string userKey, ConversationReference reference, UserProfileSnapshot? known, CancellationToken cancellationToken)
    {
        try
        {
            await _profiles.SaveConversationAsync(userKey, reference, known, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            LogReferenceNotSaved(_logger, e.GetType().Name);
            return false;
        }
    }

    private async Task<UserProfileSnapshot?> ReadProfileAsync(string userKey, CancellationToken cancellationToken)
    {
        try
        {
            return await _profiles.ReadAsync(userKey, cancellationToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or StoredDataCorruptException)
        {
            // The workshop's language will do until they choose again.
            LogPreferencesUnavailable(_logger, e.GetType().Name);
            return null;
        }
    }

    /// <summary>After the save: a language the participant chose is remembered for their other workshops (best effort).</summary>
    private async Task RememberLanguageAsync(ParticipantTurnRequest request, ParticipantTurnOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.ChosenLanguage is not { } language)
        {
            return;
        }
        try
        {
            await _profiles.SaveLanguageAsync(request.Identity.Key, language, cancellationToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            LogPreferencesUnavailable(_logger, e.GetType().Name);
        }
    }

    /// <summary>
    /// Runs the pure conversation on <paramref name="record"/>; the record to save names its owner and, when the
    /// turn came from a new conversation reference, that reference's fingerprint.
    /// </summary>
    private (ParticipantTurnOutcome Outcome, ParticipantRecord Next, bool ReferenceChanged) Apply(
        ParticipantRecord record, ParticipantTurnRequest request, string? fingerprint)
    {
        var outcome = _conversation.Handle(record, request.Set, request.Input, request.Facts);
        // Records from before workshops could be joined learn whose they are on their next write.
        var next = outcome.Record.UserKey is null ? outcome.Record with { UserKey = request.Identity.Key } : outcome.Record;
        var referenceChanged = fingerprint is not null && fingerprint != record.ConversationFingerprint;
        return (outcome, referenceChanged ? next with { ConversationFingerprint = fingerprint } : next, referenceChanged);
    }

    private static ParticipantTurnResult.Completed Completed(ParticipantTurnOutcome outcome, QuestionSet set, TurnFacts facts) =>
        new(outcome, set, ParticipantLanguage.Resolve(outcome.Record.Language, facts.WorkshopLanguage), Duplicate: false);

    private static ParticipantRecord NewRecord(string workshopId, string userKey, QuestionSet set, DateTimeOffset now) => new()
    {
        WorkshopId = workshopId,
        UserKey = userKey,
        QuestionSetId = set.Id,
        QuestionSetVersion = set.Version,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Jittered exponential back-off so two racing turns of one participant do not collide again.</summary>
    private static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(200, 10 * Math.Pow(2, attempt - 1)));

    /// <summary>A stable, non-reversible stand-in for a user in logs.</summary>
    private static string LogId(string userKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userKey)))[..12];

    [LoggerMessage(Level = LogLevel.Information, Message = "Participant turn in workshop {WorkshopId}: activity already applied; replaying the current state")]
    private static partial void LogDuplicate(ILogger logger, string workshopId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Participant turn in workshop {WorkshopId} lost a race (attempt {Attempt}); redoing it")]
    private static partial void LogConflict(ILogger logger, string workshopId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Participant turn in workshop {WorkshopId} for participant {ParticipantLogId} gave up after {Attempts} lost races")]
    private static partial void LogGaveUp(ILogger logger, string workshopId, string participantLogId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Participant turn in workshop {WorkshopId} could not be saved ({Reason}); nothing was written")]
    private static partial void LogUnavailable(ILogger logger, string workshopId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The record of participant {ParticipantLogId} in workshop {WorkshopId} cannot be read (damaged record {Code}); it was left untouched. A facilitator can list it with 'records broken' and move it aside with 'records repair {Code}'")]
    private static partial void LogCorrupt(ILogger logger, string workshopId, string participantLogId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The record of participant {ParticipantLogId} in workshop {WorkshopId} was written by a newer version of the bot; it was left untouched")]
    private static partial void LogNewerRecord(ILogger logger, string workshopId, string participantLogId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Participant turn in workshop {WorkshopId}: could not note the open card ({Reason}); it will not be updated in place")]
    private static partial void LogOpenCardNotTracked(ILogger logger, string workshopId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A participant's conversation reference could not be stored ({Reason}); their next turn stores it")]
    private static partial void LogReferenceNotSaved(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A participant's remembered language could not be read or saved ({Reason}); the workshop's language applies")]
    private static partial void LogPreferencesUnavailable(ILogger logger, string reason);
}
