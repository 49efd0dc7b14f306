namespace SocialProtection.Bot.Storage;

/// <summary>An object's content with the ETag to use for a conditional write back.</summary>
public sealed record StoredObject(string Key, BinaryData Content, string ETag, DateTimeOffset LastModified);
