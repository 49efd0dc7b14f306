using System.Net;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.DataRights;

/// <summary>A connector that only answers member look-ups, from a table; anything else is not part of these tests.</summary>
internal sealed class FakeMembers : IConnectorClient
{
    public Dictionary<string, string> AadByTeamsId { get; } = new(StringComparer.Ordinal);

    public Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        AadByTeamsId.TryGetValue(memberId, out var aad)
            ? Task.FromResult(new TeamsChannelAccount { Id = memberId, AadObjectId = aad })
            : Task.FromException<TeamsChannelAccount>(new ConnectorException("member not found", HttpStatusCode.NotFound, "MemberNotFoundInConversation"));

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) => throw new NotSupportedException();
}
