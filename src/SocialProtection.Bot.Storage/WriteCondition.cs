namespace SocialProtection.Bot.Storage;

/// <summary>
/// When a write may happen: always, only if nothing exists yet, or only over a known version.
/// Note that <c>default(WriteCondition)</c> is <see cref="None"/>: say which one you mean.
/// </summary>
public readonly record struct WriteCondition
{
    private WriteCondition(WriteConditionKind kind, string? etag)
    {
        Kind = kind;
        ETag = etag;
    }

    public WriteConditionKind Kind { get; }

    /// <summary>The expected ETag when <see cref="Kind"/> is <see cref="WriteConditionKind.IfMatch"/>.</summary>
    public string? ETag { get; }

    /// <summary>Unconditional. Only for objects that a single writer owns (e.g. under a lease).</summary>
    public static WriteCondition None => new(WriteConditionKind.None, null);

    public static WriteCondition IfNotExists => new(WriteConditionKind.IfNotExists, null);

    /// <summary>Only over the version with this ETag (as returned by a read, list or write).</summary>
    public static WriteCondition IfMatch(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return new(WriteConditionKind.IfMatch, etag);
    }

    /// <summary>IfMatch the object that was read, or IfNotExists when there was none.</summary>
    public static WriteCondition For(StoredObject? current) => current is null ? IfNotExists : IfMatch(current.ETag);
}

public enum WriteConditionKind
{
    None,
    IfNotExists,
    IfMatch,
}
