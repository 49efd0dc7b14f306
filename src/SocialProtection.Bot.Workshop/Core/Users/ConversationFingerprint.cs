using System.Security.Cryptography;
using System.Text;
using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Workshop.Core.Users;

/// <summary>
/// A short digest of the parts of a conversation reference a proactive message needs, so the bot can tell whether
/// the stored reference is still current without reading it every turn.
/// </summary>
internal static class ConversationFingerprint
{
    public static string Of(ConversationReference reference)
    {
        var parts = string.Join('\n',
            reference.Conversation?.Id, reference.ServiceUrl, reference.Bot?.Id, reference.User?.Id, reference.TenantId, reference.ChannelId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts)))[..32];
    }

    /// <summary>The reference as stored: without the id of the activity it was taken from, which changes every turn.</summary>
    public static ConversationReference Normalize(ConversationReference reference) => reference with { ActivityId = null };
}
