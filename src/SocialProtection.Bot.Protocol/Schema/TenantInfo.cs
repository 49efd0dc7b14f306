using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

public sealed record TenantInfo
{
    public string? Id { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
