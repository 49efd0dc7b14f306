using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Core;

/// <summary>
/// Reads where a team channel or group chat activity happened, as Teams sends it: a channel thread's conversation id
/// is <c>{channel};messageid={root}</c>, and the channel itself is the part before it.
/// </summary>
internal static class ChannelConversation
{
    private const string ThreadMarker = ";messageid=";

    /// <summary>A personal (1:1) chat with the bot: where participants answer.</summary>
    public static bool IsPersonal(Activity activity) =>
        activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;

    /// <summary>A team channel or a group chat: where facilitators work (personal chat belongs to participants).</summary>
    public static bool IsChannelOrGroupChat(Activity activity) => !IsPersonal(activity);

    /// <summary>The channel (or group chat) id without any thread; null when the activity names no conversation.</summary>
    public static string? Id(Activity activity) =>
        activity.Conversation?.Id is { Length: > 0 } id ? Bare(id) : null;

    public static string Bare(string conversationId)
    {
        var marker = conversationId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        return marker < 0 ? conversationId : conversationId[..marker];
    }

    public static string? TenantId(Activity activity) =>
        activity.ChannelData?.Tenant?.Id is { Length: > 0 } tenant ? tenant : activity.Conversation?.TenantId;

    public static string? TeamId(Activity activity) =>
        activity.ChannelData?.Team?.Id is { Length: > 0 } team ? team : activity.ChannelData?.TeamsTeamId;

    /// <summary>
    /// How to post into the channel later: the channel itself (a post there starts a new thread), no user, no activity.
    /// Null when the activity lacks what a post needs.
    /// </summary>
    public static ConversationReference? Reference(Activity activity)
    {
        if (Id(activity) is not { } id || activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.Recipient?.Id is not { Length: > 0 })
        {
            return null;
        }
        var tenant = TenantId(activity);
        return new ConversationReference
        {
            Bot = new ChannelAccount { Id = activity.Recipient.Id, Name = activity.Recipient.Name },
            Conversation = new ConversationAccount
            {
                Id = id,
                ConversationType = activity.Conversation!.ConversationType,
                IsGroup = true,
                TenantId = tenant,
            },
            ChannelId = activity.ChannelId,
            ServiceUrl = serviceUrl,
            TenantId = tenant,
        };
    }

    /// <summary>The conversation to ask for a member: the team (every channel shares its roster), else the chat.</summary>
    public static string? RosterId(Activity activity) => TeamId(activity) ?? Id(activity);
}
