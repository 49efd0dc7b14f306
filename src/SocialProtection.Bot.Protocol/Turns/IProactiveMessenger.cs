using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Turns;

/// <summary>Messages a conversation outside of an incoming turn (reminders, summaries).</summary>
public interface IProactiveMessenger
{
    /// <summary>
    /// Runs <paramref name="callback"/> with a turn for the stored conversation; its sends post new messages into
    /// that conversation. The turn's activity is an "event" named "continueConversation".
    /// </summary>
    Task ContinueConversationAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken);

    /// <summary>
    /// Opens (or finds) the 1:1 chat between the bot and <paramref name="user"/>; the bot must be installed for that
    /// user, else the connector answers 403 (<see cref="Connector.ConnectorException"/>). Store the reference and reuse it.
    /// </summary>
    Task<ConversationReference> CreatePersonalConversationAsync(string serviceUrl, string tenantId, ChannelAccount user, string botId, CancellationToken cancellationToken);
}
