using System.Collections.Concurrent;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>A turn with no channel behind it: what the handler sends is kept in <see cref="Sent"/>.</summary>
internal sealed class FakeTurnContext(Activity activity) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public ConcurrentQueue<Activity> Sent { get; } = new();

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        Sent.Enqueue(activity);
        return Task.FromResult(new ResourceResponse("sent-" + Sent.Count));
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        Sent.Enqueue(activity);
        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Activity.Id,
        User = Activity.From,
        Bot = Activity.Recipient,
        Conversation = Activity.Conversation,
        ChannelId = Activity.ChannelId,
        ServiceUrl = Activity.ServiceUrl,
        TenantId = Activity.Conversation?.TenantId,
    };

    /// <summary>A card action pressed by <paramref name="aadObjectId"/> in personal chat.</summary>
    public static FakeTurnContext CardAction(string aadObjectId, System.Text.Json.JsonElement value, string? activityId = null, string? localTimezone = null, string locale = "th-TH") => new(new Activity
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        Id = activityId ?? Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/teams/",
        From = new ChannelAccount { Id = "29:" + aadObjectId, AadObjectId = aadObjectId, Name = "Partner" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "a:" + aadObjectId, ConversationType = "personal", TenantId = "tenant-1" },
        Locale = locale,
        LocalTimezone = localTimezone,
        Value = value,
    });
}
