using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API at a conversation's service URL. Transient failures are retried; anything else
/// surfaces as <see cref="ConnectorException"/>. Without an app id only loopback service URLs are called.
/// </summary>
public interface IConnectorClient
{
    /// <summary>POST /v3/conversations/{conversationId}/activities. The id is null when the channel split the activity (202).</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>POST /v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>PUT /v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>DELETE /v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>POST /v3/conversations.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary>GET /v3/conversations/{conversationId}/pagedmembers?pageSize=&amp;continuationToken=.</summary>
    Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>GET /v3/conversations/{conversationId}/members/{memberId}.</summary>
    Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken);
}
