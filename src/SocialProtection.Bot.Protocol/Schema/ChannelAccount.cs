using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>A user or bot in a conversation. In Teams <see cref="Id"/> is "29:…" (user) or "28:{appId}" (bot).</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    /// <summary>The stable Entra ID object id of a user; the key for everything a person owns.</summary>
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
