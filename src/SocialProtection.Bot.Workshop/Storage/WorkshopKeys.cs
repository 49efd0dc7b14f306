using System.Security.Cryptography;
using System.Text;
using SocialProtection.Bot.Storage;

namespace SocialProtection.Bot.Workshop.Storage;

/// <summary>
/// Where workshop data lives in the object store (see README.md beside this file). Ids from outside (Teams user
/// ids, workshop ids) are encoded with <see cref="StorageKey.Segment"/> so no id can change the shape of a key.
/// </summary>
public static class WorkshopKeys
{
    private const string JsonExtension = ".json";

    /// <summary><c>workshops/{workshopId}/participants/{userKey}.json</c>: one participant's answers and dialog.</summary>
    public static string Participant(string workshopId, string userKey) =>
        StorageKey.Combine("workshops", StorageKey.Segment(workshopId), "participants", JsonName(userKey));

    /// <summary>The prefix under which every participant of a workshop is listed.</summary>
    public static string ParticipantsPrefix(string workshopId) =>
        StorageKey.Combine("workshops", StorageKey.Segment(workshopId), "participants") + "/";

    /// <summary><c>users/{userKey}/personal-conversation.json</c>: how to reach the user in personal chat later.</summary>
    public static string PersonalConversation(string userKey) =>
        StorageKey.Combine("users", StorageKey.Segment(userKey), "personal-conversation" + JsonExtension);

    // A segment may be up to the store's limit already; the extension must still fit, so very long ones are hashed
    // the same way StorageKey hashes long ids.
    private static string JsonName(string id)
    {
        var segment = StorageKey.Segment(id);
        if (segment.Length + JsonExtension.Length > StorageKey.MaxSegmentLength)
        {
            segment = "_h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        }
        return segment + JsonExtension;
    }
}
