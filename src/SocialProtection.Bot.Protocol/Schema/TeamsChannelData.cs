using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>
/// Teams' <c>channelData</c>: tenant, team, channel, meeting, event type and settings. Fields not named here
/// (Teams adds new ones) are kept in <see cref="ExtensionData"/> and survive a round trip.
/// </summary>
public sealed record TeamsChannelData
{
    /// <summary>Always present in Teams; required to create a conversation proactively.</summary>
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }
    public MeetingInfo? Meeting { get; init; }
    /// <summary>conversationUpdate: "teamMemberAdded", "teamMemberRemoved", "channelCreated", "teamRenamed", …</summary>
    public string? EventType { get; init; }
    public TeamsChannelDataSettings? Settings { get; init; }
    /// <summary>Outbound only: how Teams alerts the user about the bot's message.</summary>
    public NotificationInfo? Notification { get; init; }
    public string? TeamsChannelId { get; init; }
    public string? TeamsTeamId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
