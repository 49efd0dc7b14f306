using System.Collections.Concurrent;
using System.Net;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Workshop.Tests.TestBot;

/// <summary>
/// The Bot Connector as the tests' Teams: records every post, update and 1:1 creation (with the time since the start,
/// for pacing checks), answers member look-ups from <see cref="Members"/>, and can be told to refuse: messages that
/// are <see cref="Gone"/>, 1:1 chats it may not create (<see cref="RefuseCreate"/>), or the next sends
/// (<see cref="FailNextSends"/>, e.g. 429 with Retry-After). Calls made while <see cref="RecordTurn"/> watches a turn are
/// also given to that turn, whichever way the bot made them (its turn context or a proactive send).
/// </summary>
internal sealed class FakeTeams : IConnectorClient
{
    private readonly ConcurrentQueue<TeamsCall> _calls = new();
    private readonly ConcurrentQueue<ConversationParameters> _created = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly AsyncLocal<ConcurrentQueue<TeamsCall>?> _turn = new();
    private int _nextId;
    private int _sendFailures;
    private ConnectorException? _sendFailure;

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

    /// <summary>The next <paramref name="count"/> posts and updates are refused with <paramref name="status"/> (429: throttled) and nothing is recorded.</summary>
    public void FailNextSends(int count, HttpStatusCode status = HttpStatusCode.TooManyRequests, TimeSpan? retryAfter = null)
    {
        Volatile.Write(ref _sendFailure, new ConnectorException("Refused (test).", status, status == HttpStatusCode.TooManyRequests ? "Throttled" : "Refused", retryAfter));
        Interlocked.Exchange(ref _sendFailures, count);
    }

    /// <summary>A turn of <paramref name="activity"/> whose replies and updates go to this Teams, as the host makes it.</summary>
    public TurnContext TurnFor(Activity activity) => new(activity, ConversationReference.FromIncoming(activity), this);

    /// <summary>From now on in this async flow (one turn), every call is also collected in the returned queue.</summary>
    public ConcurrentQueue<TeamsCall> RecordTurn() => _turn.Value = new ConcurrentQueue<TeamsCall>();

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(Record("POST", conversationId, null, activity, null));

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(Record("POST", conversationId, activityId, activity, null));

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        if (Gone.ContainsKey(activityId))
        {
            throw new ConnectorException("Activity not found.", HttpStatusCode.NotFound, "ActivityNotFoundInConversation");
        }
        return Task.FromResult(Record("PUT", conversationId, activityId, activity, activityId));
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

    private ResourceResponse Record(string method, string conversationId, string? activityId, Activity activity, string? id)
    {
        if (Volatile.Read(ref _sendFailures) > 0 && Interlocked.Decrement(ref _sendFailures) >= 0)
        {
            throw Volatile.Read(ref _sendFailure)!;
        }
        var call = new TeamsCall(method, conversationId, activityId, activity, id ?? "m" + Interlocked.Increment(ref _nextId), _clock.Elapsed);
        _calls.Enqueue(call);
        _turn.Value?.Enqueue(call);
        return new ResourceResponse(call.Id);
    }
}
