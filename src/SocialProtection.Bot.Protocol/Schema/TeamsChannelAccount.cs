using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>A conversation member as the Teams connector's member APIs return it.</summary>
public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? TenantId { get; init; }
    /// <summary>"user", "guest" or "anonymous".</summary>
    public string? UserRole { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }

    public ChannelAccount ToChannelAccount() => new() { Id = Id, Name = Name, AadObjectId = AadObjectId };
}
