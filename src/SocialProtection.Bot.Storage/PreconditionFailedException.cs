namespace SocialProtection.Bot.Storage;

/// <summary>
/// A conditional write or delete found another version than expected (or the object is leased):
/// nothing was written. Re-read and retry.
/// </summary>
public sealed class PreconditionFailedException(string key)
    : Exception($"The stored object '{key}' changed or already exists.")
{
    public string Key { get; } = key;
}
