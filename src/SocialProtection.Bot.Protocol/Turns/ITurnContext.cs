using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Turns;

/// <summary>
/// One incoming activity and the means to answer it. <see cref="Activity"/> is already normalised:
/// the bot's own @mention is stripped from its text.
/// </summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>Sends an activity into this turn's conversation (as a reply to the incoming one where the channel supports it).</summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces an earlier activity of the bot (<see cref="Activity.Id"/> must be set).</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken);

    Task SendTypingAsync(CancellationToken cancellationToken);

    /// <summary>What to store to reach this conversation later.</summary>
    ConversationReference GetConversationReference();
}
