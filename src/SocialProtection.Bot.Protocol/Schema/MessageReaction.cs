using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>A reaction on a message ("like", "heart", …) in a messageReaction activity.</summary>
public sealed record MessageReaction
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
