namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>The connector's answer to a send: the new activity's id, when the channel returns one.</summary>
public sealed record ResourceResponse(string? Id);
