using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary><c>channelData.notification</c> on an outgoing message: <see cref="Alert"/> puts it in the user's activity feed.</summary>
public sealed record NotificationInfo
{
    public bool? Alert { get; init; }
    public bool? AlertInMeeting { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
