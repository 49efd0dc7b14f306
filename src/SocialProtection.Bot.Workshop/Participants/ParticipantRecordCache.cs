using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// The version of each participant record this instance of the bot last read or wrote, with its ETag, so an answer
/// can be written (If-Match that ETag) without reading the record first: one storage round trip per answer instead
/// of two. Only a hint: when another instance, or an erasure, replaced that version, the conditional write fails and
/// the turn is redone on a fresh read, so a stale entry costs one refused write and never loses or repeats an answer.
/// </summary>
internal sealed class ParticipantRecordCache : IDisposable
{
    // A participant who stops for this long is read afresh when they come back.
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    private readonly MemoryCache? _cache;

    public ParticipantRecordCache(IOptions<ParticipantOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var size = options.Value.RecordCacheSize;
        _cache = size > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = size }) : null;
    }

    public Versioned<ParticipantRecord>? Get(string key) =>
        _cache is not null && _cache.TryGetValue(key, out Versioned<ParticipantRecord>? version) ? version : null;

    public void Set(string key, Versioned<ParticipantRecord> version) =>
        _cache?.Set(key, version, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });

    public void Remove(string key) => _cache?.Remove(key);

    /// <summary>The workshop the participant's last turn on this instance went to (a hint for reading ahead).</summary>
    public string? WorkshopOf(string userKey) =>
        _cache is not null && _cache.TryGetValue(new LastWorkshop(userKey), out string? workshopId) ? workshopId : null;

    public void NoteWorkshop(string userKey, string workshopId) =>
        _cache?.Set(new LastWorkshop(userKey), workshopId, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });

    public void Dispose() => _cache?.Dispose();

    /// <summary>Its own key type, so it can never collide with a record's storage key.</summary>
    private sealed record LastWorkshop(string UserKey);
}
