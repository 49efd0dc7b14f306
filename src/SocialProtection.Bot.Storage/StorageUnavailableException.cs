namespace SocialProtection.Bot.Storage;

/// <summary>The store could not be reached or did not answer in time. Nothing is known to be written.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
