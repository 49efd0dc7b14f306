using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>A turn context that records what the bot sends and updates instead of calling Teams.</summary>
internal sealed class RecordingTurnContext(Activity activity) : ITurnContext
{
    private static int _nextId;

    public Activity Activity { get; } = activity;

    public List<Activity> Sent { get; } = [];

    public List<Activity> Updated { get; } = [];

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var id = "bot-" + Interlocked.Increment(ref _nextId);
        lock (Sent)
        {
            Sent.Add(activity with { Id = id });
        }
        return Task.FromResult(new ResourceResponse(id));
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        Updated.Add(activity);
        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ConversationReference GetConversationReference() => ConversationReference.FromIncoming(Activity);
}
