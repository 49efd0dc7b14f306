using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>A message ready to go out: the conversation it goes to and the activity.</summary>
internal sealed record OutboundMessage(ConversationReference Conversation, Activity Activity)
{
    /// <summary>The conversation the rate limits count against.</summary>
    public string ConversationId => Conversation.Conversation?.Id ?? throw new InvalidOperationException("The conversation reference has no conversation id.");

    /// <summary>The tenant the per-app limit counts against.</summary>
    public string? TenantId => Conversation.TenantId ?? Conversation.Conversation?.TenantId;
}
