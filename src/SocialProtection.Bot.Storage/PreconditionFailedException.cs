namespace SocialProtection.Bot.Storage;

/// <summary>A conditional write or delete found another version than expected: re-read and retry.</summary>
public sealed class PreconditionFailedException(string key)
    : Exception($"The stored object '{key}' changed or already exists.")
{
    public string Key { get; } = key;
}
