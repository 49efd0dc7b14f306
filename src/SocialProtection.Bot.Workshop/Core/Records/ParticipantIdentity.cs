using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Records;

/// <summary>
/// Who is acting, taken only from the activity's sender as the channel authenticated it, never from card data:
/// <see cref="Key"/> (the Entra object id, else the Teams user id) owns the answers; <see cref="TeamsId"/> is what
/// card refresh lists.
/// </summary>
internal sealed record ParticipantIdentity(string Key, string TeamsId)
{
    public const int MaxIdLength = 256;

    public static ParticipantIdentity? From(Activity activity)
    {
        var from = activity.From;
        var teamsId = from?.Id;
        var key = string.IsNullOrWhiteSpace(from?.AadObjectId) ? teamsId : from.AadObjectId;
        return string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(teamsId) || key.Length > MaxIdLength || teamsId.Length > MaxIdLength
            ? null
            : new ParticipantIdentity(key, teamsId);
    }
}
