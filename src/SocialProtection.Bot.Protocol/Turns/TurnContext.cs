using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Turns;

/// <summary>
/// A turn over the Bot Connector. Outgoing activities are addressed from the conversation reference (from = the bot,
/// recipient = the user unless set, conversation, channel and service URL always); sends reply to the incoming
/// activity when it has an id, else post to the conversation.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly ConversationReference _reference;
    private readonly IConnectorClient _connector;

    public TurnContext(Activity activity, ConversationReference reference, IConnectorClient connector)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Conversation?.Id is not { Length: > 0 } || reference.ServiceUrl is not { Length: > 0 })
        {
            throw new ArgumentException("The conversation reference needs a conversation id and a service URL.", nameof(reference));
        }
        Activity = activity;
        _reference = reference;
        _connector = connector;
    }

    public Activity Activity { get; }

    private string ServiceUrl => _reference.ServiceUrl!;

    private string ConversationId => _reference.Conversation!.Id!;

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var outgoing = Address(activity);
        if (_reference.ActivityId is { Length: > 0 } incomingId)
        {
            return _connector.ReplyToActivityAsync(ServiceUrl, ConversationId, incomingId, outgoing with { ReplyToId = outgoing.ReplyToId ?? incomingId }, cancellationToken);
        }
        return _connector.SendToConversationAsync(ServiceUrl, ConversationId, outgoing, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Id is not { Length: > 0 } id)
        {
            throw new ArgumentException("The activity to update needs its id.", nameof(activity));
        }
        return _connector.UpdateActivityAsync(ServiceUrl, ConversationId, id, Address(activity), cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        return _connector.DeleteActivityAsync(ServiceUrl, ConversationId, activityId, cancellationToken);
    }

    public Task SendTypingAsync(CancellationToken cancellationToken) =>
        SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);

    public ConversationReference GetConversationReference() => _reference;

    private Activity Address(Activity activity) => activity with
    {
        Type = activity.Type ?? ActivityTypes.Message,
        From = _reference.Bot,
        Recipient = activity.Recipient ?? _reference.User,
        Conversation = _reference.Conversation,
        ChannelId = _reference.ChannelId,
        ServiceUrl = _reference.ServiceUrl,
    };
}
