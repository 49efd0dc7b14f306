namespace SocialProtection.Bot.Storage;

/// <summary>An entry of a listing: the object's key and metadata, without its content.</summary>
public sealed record StoredObjectInfo(string Key, string ETag, DateTimeOffset LastModified, long Size);
