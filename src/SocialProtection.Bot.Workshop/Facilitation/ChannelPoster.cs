using System.Net;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Posts into a workshop's channel and updates the bot's own posts there, each send paced by the shared
/// <see cref="TeamsSendPacer"/> so a burst of cards stays inside Teams' per-conversation limits. A 429 pauses every
/// sender (<see cref="TeamsSendPacer.OnThrottled"/>) and is passed on to the caller.
/// </summary>
internal sealed class ChannelPoster(IProactiveMessenger messenger, TeamsSendPacer pacer)
{
    /// <summary>Posts <paramref name="activity"/> as a new message (a new thread in a channel); returns its id when the channel gave one.</summary>
    public async Task<string?> PostAsync(ConversationReference channel, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(activity);
        string? id = null;
        await SendAsync(channel, async (turn, token) => id = (await turn.SendActivityAsync(activity, token)).Id, cancellationToken);
        return id;
    }

    /// <summary>Replaces the bot's message <paramref name="activityId"/> with <paramref name="activity"/>.</summary>
    public Task UpdateAsync(ConversationReference channel, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync(channel, (turn, token) => turn.UpdateActivityAsync(activity with { Id = activityId }, token), cancellationToken);
    }

    private async Task SendAsync(ConversationReference channel, Func<ITurnContext, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var conversationId = channel.Conversation?.Id ?? throw new ArgumentException("The channel reference has no conversation id.", nameof(channel));
        await pacer.AcquireAsync(channel.TenantId ?? channel.Conversation.TenantId, conversationId, cancellationToken);
        try
        {
            await messenger.ContinueConversationAsync(channel, send, cancellationToken);
            pacer.OnSucceeded();
        }
        catch (ConnectorException e) when (e.StatusCode == HttpStatusCode.TooManyRequests)
        {
            pacer.OnThrottled(e.RetryAfter);
            throw;
        }
    }
}
