using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary><c>channelData.settings</c>; on install into a team it names the channel the installer picked.</summary>
public sealed record TeamsChannelDataSettings
{
    public ChannelInfo? SelectedChannel { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
