using System.Text.Json;
using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Workshop.Tests.TestBot;

/// <summary>
/// One call the bot made to Teams: a post (new message or reply, <see cref="ActivityId"/> = the message replied to)
/// or an update ("PUT", <see cref="ActivityId"/> = the message updated). <see cref="Id"/> is the id Teams gave the
/// message; <see cref="At"/> the time since the connector was made, for pacing checks.
/// </summary>
internal sealed record TeamsCall(string Method, string ConversationId, string? ActivityId, Activity Activity, string Id, TimeSpan At)
{
    public IReadOnlyList<JsonElement> Cards =>
        [.. (Activity.Attachments ?? []).Where(a => a.ContentType == Attachment.AdaptiveCardContentType && a.Content is not null).Select(a => a.Content!.Value)];
}
