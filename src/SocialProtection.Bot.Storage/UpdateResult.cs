namespace SocialProtection.Bot.Storage;

/// <summary>
/// The outcome of <see cref="JsonObjectStore.UpdateAsync{T}"/>: the value now stored (null when there is none),
/// its ETag, whether this update wrote it, and how many read-modify-write rounds it took.
/// </summary>
public sealed record UpdateResult<T>(T? Value, string? ETag, bool Changed, int Attempts) where T : class;
