using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>What the bot must keep to message a conversation later (proactive messages).</summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public string? Locale { get; init; }
    public string? TenantId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }

    /// <summary>The reference of an incoming activity: the sender is the user, the recipient the bot.</summary>
    public static ConversationReference FromIncoming(Activity activity) => new()
    {
        ActivityId = activity.Id,
        User = activity.From,
        Bot = activity.Recipient,
        Conversation = activity.Conversation,
        ChannelId = activity.ChannelId,
        ServiceUrl = activity.ServiceUrl,
        Locale = activity.Locale,
        TenantId = activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id,
    };
}
