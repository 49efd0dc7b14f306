using System.Security.Cryptography;
using System.Text;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Storage;

/// <summary>
/// Where workshop data lives in the object store (see README.md beside this file). Ids from outside (Teams user
/// ids, workshop ids) are encoded with <see cref="StorageKey.Segment"/> so no id can change the shape of a key.
/// </summary>
internal static class WorkshopKeys
{
    private const string JsonExtension = ".json";

    /// <summary><c>workshops/{workshopId}/participants/{userKey}.json</c>: one participant's answers and dialog.</summary>
    public static string Participant(string workshopId, string userKey) =>
        StorageKey.Combine("workshops", StorageKey.Segment(workshopId), "participants", JsonName(userKey));

    /// <summary>The prefix under which every participant of a workshop is listed.</summary>
    public static string ParticipantsPrefix(string workshopId) =>
        StorageKey.Combine("workshops", StorageKey.Segment(workshopId), "participants") + "/";

    /// <summary>
    /// <c>users/{userKey}/</c>: what is kept per person across workshops, their <c>profile.json</c> (<c>UserProfile</c>).
    /// Erasing everything of a person deletes everything under it.
    /// </summary>
    public static string UserPrefix(string userKey) => StorageKey.Combine("users", StorageKey.Segment(userKey)) + "/";

    /// <summary><c>workshops/{workshopId}/workshop.json</c>: the workshop as its facilitators set it up.</summary>
    public static string Workshop(string workshopId) =>
        StorageKey.Combine("workshops", StorageKey.Segment(workshopId), "workshop" + JsonExtension);

    /// <summary><c>workshops/{workshopId}/postings/{postingId}.json</c>: one summary posting into the channel, card by card.</summary>
    public static string Posting(string workshopId, string postingId) =>
        StorageKey.Combine("workshops", StorageKey.Segment(workshopId), "postings", JsonName(postingId));

    /// <summary><c>postings/pending/{postingId}.json</c>: a posting not finished yet, found again after a restart.</summary>
    public static string PendingPosting(string postingId) =>
        StorageKey.Combine("postings", "pending", JsonName(postingId));

    /// <summary>The prefix listing every unfinished posting.</summary>
    public const string PendingPostingsPrefix = "postings/pending/";

    /// <summary><c>channels/{conversationId}/workshops.json</c>: the workshops created in a channel or group chat, newest last.</summary>
    public static string ChannelWorkshops(string conversationId) =>
        StorageKey.Combine("channels", StorageKey.Segment(conversationId), "workshops" + JsonExtension);

    /// <summary><c>channels/{teamOrChatId}/welcome.json</c>: the bot said hello when it was installed there (once).</summary>
    public static string ChannelWelcome(string teamOrChatId) =>
        StorageKey.Combine("channels", StorageKey.Segment(teamOrChatId), "welcome" + JsonExtension);

    /// <summary><c>facilitators/{userKey}.json</c>: someone an existing facilitator made a facilitator in Teams.</summary>
    public static string Facilitator(string userKey) =>
        StorageKey.Combine("facilitators", JsonName(userKey));

    /// <summary><c>teams/{teamOrChatId}/facilitators.json</c>: who may create workshops in a team without configuration.</summary>
    public static string TeamFacilitators(string teamOrChatId) =>
        StorageKey.Combine("teams", StorageKey.Segment(teamOrChatId), "facilitators" + JsonExtension);

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
