namespace SocialProtection.Bot.Storage;

/// <summary>
/// The one storage contract every feature uses: keyed objects with ETags, conditional writes,
/// listing by prefix, deletes and leases. Implemented by Azure Blob Storage and by a local-disk store
/// with the same semantics (one contract test suite runs against both).
/// Keys are '/'-separated paths of ASCII segments (see <see cref="StorageKey"/>); any other key is an
/// <see cref="ArgumentException"/>. Every operation throws <see cref="StorageUnavailableException"/> when the
/// store cannot be reached or does not answer within its bounded timeouts and retries.
/// </summary>
public interface IObjectStore
{
    /// <summary>The object, or null when there is none.</summary>
    Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the object if <paramref name="condition"/> holds and returns the new ETag.
    /// Throws <see cref="PreconditionFailedException"/> when it does not; nothing is written then.
    /// A write is atomic: readers see the old content or the new, never a mix.
    /// </summary>
    Task<string> PutAsync(string key, BinaryData content, WriteCondition condition, CancellationToken cancellationToken);

    /// <summary>Every object whose key starts with <paramref name="prefix"/>, in ordinal key order.</summary>
    IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the object; returns false when there was none. With <paramref name="ifMatch"/> set, throws
    /// <see cref="PreconditionFailedException"/> when the stored ETag differs.
    /// </summary>
    Task<bool> DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>
    /// Tries to become the single holder of <paramref name="key"/> (the object is created empty if needed) for
    /// <paramref name="duration"/> (15–60 s, as Blob Storage allows). Returns null when someone else holds it.
    /// While a lease lasts its object cannot be written or deleted (<see cref="PreconditionFailedException"/>),
    /// so lease a dedicated lock key, not a data object.
    /// </summary>
    Task<IStoreLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken);
}
