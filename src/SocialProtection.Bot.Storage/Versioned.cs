namespace SocialProtection.Bot.Storage;

/// <summary>A stored value with the ETag of the version it was read from (for a conditional write back).</summary>
public sealed record Versioned<T>(T Value, string ETag);
