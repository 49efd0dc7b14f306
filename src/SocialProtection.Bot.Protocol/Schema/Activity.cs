using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity. Properties this model does not name are kept in <see cref="ExtensionData"/>
/// so that everything Teams sends survives a round trip.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? TextFormat { get; init; }
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    /// <summary>messageReaction: the reactions a user added.</summary>
    public IReadOnlyList<MessageReaction>? ReactionsAdded { get; init; }
    public IReadOnlyList<MessageReaction>? ReactionsRemoved { get; init; }
    public string? TopicName { get; init; }
    public string? Text { get; init; }
    public string? Speak { get; init; }
    public string? Summary { get; init; }
    public string? Locale { get; init; }
    public string? InputHint { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    /// <summary>installationUpdate: "add", "remove", "add-upgrade", "remove-upgrade".</summary>
    public string? Action { get; init; }
    public string? ReplyToId { get; init; }
    public JsonElement? Value { get; init; }
    public string? ValueType { get; init; }
    /// <summary>invoke and event activities: the operation name, e.g. "adaptiveCard/action".</summary>
    public string? Name { get; init; }
    public ConversationReference? RelatesTo { get; init; }
    /// <summary>endOfConversation: why the conversation ended.</summary>
    public string? Code { get; init; }
    public DateTimeOffset? Expiration { get; init; }
    /// <summary>"low", "normal" or "high".</summary>
    public string? Importance { get; init; }
    public string? DeliveryMode { get; init; }
    public string? CallerId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
