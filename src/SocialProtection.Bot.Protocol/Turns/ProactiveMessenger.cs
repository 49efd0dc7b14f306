using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Turns;

public sealed class ProactiveMessenger : IProactiveMessenger
{
    public const string ContinueConversationEventName = "continueConversation";
    public const string TeamsChannelId = "msteams";

    private readonly IConnectorClient _connector;

    public ProactiveMessenger(IConnectorClient connector) => _connector = connector;

    public Task ContinueConversationAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = ContinueConversationEventName,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            Locale = reference.Locale,
        };
        // No activity id: sends start new messages instead of replying to the one the reference was taken from.
        var turn = new TurnContext(activity, reference with { ActivityId = null }, _connector);
        return callback(turn, cancellationToken);
    }

    public async Task<ConversationReference> CreatePersonalConversationAsync(string serviceUrl, string tenantId, ChannelAccount user, string botId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Id, nameof(user));
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);

        var bot = new ChannelAccount { Id = botId };
        var created = await _connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = bot,
            Members = [new ChannelAccount { Id = user.Id }],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
        }, cancellationToken);
        if (created.Id is not { Length: > 0 } conversationId)
        {
            throw new ConnectorException("The connector created a conversation but returned no id.", null, "InvalidResponse");
        }
        // The request's service URL is kept rather than one the answer might name: the token only goes where we chose.
        return new ConversationReference
        {
            Bot = bot,
            User = user,
            Conversation = new ConversationAccount { Id = conversationId, TenantId = tenantId, ConversationType = "personal", IsGroup = false },
            ChannelId = TeamsChannelId,
            ServiceUrl = serviceUrl,
            TenantId = tenantId,
        };
    }
}
