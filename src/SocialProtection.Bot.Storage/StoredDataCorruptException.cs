namespace SocialProtection.Bot.Storage;

/// <summary>
/// A stored object cannot be read as what it should be (broken JSON, a damaged file header).
/// It is left exactly as found, never overwritten, so a person can look at it and repair it.
/// </summary>
public sealed class StoredDataCorruptException(string key, string reason, Exception? inner = null)
    : Exception($"The stored object '{key}' is damaged: {reason}", inner)
{
    public string Key { get; } = key;
}
