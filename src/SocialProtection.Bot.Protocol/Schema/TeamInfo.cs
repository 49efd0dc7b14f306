using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>A team: <see cref="Id"/> is the General channel's id ("19:…@thread.tacv2").</summary>
public sealed record TeamInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadGroupId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
