using System.Security.Cryptography;
using System.Text;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>
/// Where summaries and dot votes live in the object store:
/// <c>workshops/{w}/summaries/groups/{g}/…</c> for one group and <c>workshops/{w}/summaries/all/…</c> for the whole
/// workshop (the two cannot collide whatever a group is called). Ids are encoded with <see cref="StorageKey.Segment"/>.
/// </summary>
internal static class SummaryKeys
{
    private const string JsonExtension = ".json";

    /// <summary>The posted summary.</summary>
    public static string Summary(string workshopId, string? groupId) => Scoped(workshopId, groupId, "summary" + JsonExtension);

    /// <summary>The dot vote's candidates and rules.</summary>
    public static string Ballot(string workshopId, string? groupId) => Scoped(workshopId, groupId, "ballot" + JsonExtension);

    /// <summary>One voter's dots.</summary>
    public static string Vote(string workshopId, string? groupId, string voterId) =>
        Scoped(workshopId, groupId, "votes", JsonName(voterId));

    /// <summary>The prefix listing every voter's dots.</summary>
    public static string VotesPrefix(string workshopId, string? groupId) => Scoped(workshopId, groupId, "votes") + "/";

    private static string Scoped(string workshopId, string? groupId, params string[] rest)
    {
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        string[] scope = groupId is null
            ? ["workshops", StorageKey.Segment(workshopId), "summaries", "all"]
            : ["workshops", StorageKey.Segment(workshopId), "summaries", "groups", StorageKey.Segment(groupId)];
        return StorageKey.Combine([.. scope, .. rest]);
    }

    // The extension must fit within a segment even when the encoded id is already long: such ids are hashed.
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
