namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>The connector's answer to creating a conversation.</summary>
public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}
