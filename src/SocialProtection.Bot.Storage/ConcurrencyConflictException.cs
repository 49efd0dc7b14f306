namespace SocialProtection.Bot.Storage;

/// <summary>
/// A read-modify-write lost the race every time it tried: others kept changing the object.
/// Nothing of this update was written.
/// </summary>
public sealed class ConcurrencyConflictException(string key, int attempts, Exception? inner = null)
    : Exception($"The stored object '{key}' kept changing; gave up after {attempts} attempts.", inner)
{
    public string Key { get; } = key;

    public int Attempts { get; } = attempts;
}
