using System.Collections.Concurrent;

using System.Net;
using System.Text.Json;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>One call the bot made to Teams: a post (new message or reply) or an update of a message.</summary>
internal sealed record TeamsCall(string Method, string ConversationId, string? ActivityId, Activity Activity, string Id, TimeSpan At)
{
    public IReadOnlyList<JsonElement> Cards =>
        [.. (Activity.Attachments ?? []).Where(a => a.ContentType == Attachment.AdaptiveCardContentType && a.Content is not null).Select(a => a.Content!.Value)];
}

/// <summary>
/// The Bot Connector as the tests' Teams: records every post, update and 1:1 creation (with the time since the start,
/// for pacing checks), answers member look-ups from <see cref="Members"/>, and can be told to refuse.
/// </summary>
internal sealed class FakeTeams : IConnectorClient
{
    private readonly ConcurrentQueue<TeamsCall> _calls = new();
    private readonly ConcurrentQueue<ConversationParameters> _created = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _nextId;

    public ConcurrentDictionary<string, TeamsChannelAccount> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Messages that no longer exist: updating them answers 404.</summary>
    public ConcurrentDictionary<string, bool> Gone { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, creating a 1:1 conversation answers with this status (e.g. 403: the app is not installed).</summary>
    public HttpStatusCode? RefuseCreate { get; set; }

    public IReadOnlyList<TeamsCall> Calls => [.. _calls];

    public IReadOnlyList<ConversationParameters> Created => [.. _created];

    /// <summary>New messages (not updates) in <paramref name="conversationId"/>.</summary>
    public IReadOnlyList<TeamsCall> PostsTo(string conversationId) =>
        [.. _calls.Where(c => c.Method == "POST" && c.ConversationId == conversationId)];

    public IReadOnlyList<TeamsCall> UpdatesIn(string conversationId) =>
        [.. _calls.Where(c => c.Method == "PUT" && c.ConversationId == conversationId)];

    public static string PersonalChatOf(string userId) => "a:personal-" + userId;

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(Record("POST", conversationId, null, activity));

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(Record("POST", conversationId, activityId, activity));

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        if (Gone.ContainsKey(activityId))
        {
            throw new ConnectorException("Activity not found.", HttpStatusCode.NotFound, "ActivityNotFoundInConversation");
        }
        _calls.Enqueue(new TeamsCall("PUT", conversationId, activityId, activity, activityId, _clock.Elapsed));
        return Task.FromResult(new ResourceResponse(activityId));
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        _created.Enqueue(parameters);
        if (RefuseCreate is { } status)
        {
            throw new ConnectorException("Refused.", status, "Forbidden");
        }
        return Task.FromResult(new ConversationResourceResponse { Id = PersonalChatOf(parameters.Members![0].Id!) });
    }

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        Task.FromResult(new PagedMembersResult { Members = [.. Members.Values] });

    public Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        Members.TryGetValue(memberId, out var member)
            ? Task.FromResult(member)
            : throw new ConnectorException("Member not found.", HttpStatusCode.NotFound, "MemberNotFoundInConversation");

    private ResourceResponse Record(string method, string conversationId, string? replyToId, Activity activity)
    {
        var id = "m" + Interlocked.Increment(ref _nextId);
        _calls.Enqueue(new TeamsCall(method, conversationId, replyToId, activity, id, _clock.Elapsed));
        return new ResourceResponse(id);
    }
}
