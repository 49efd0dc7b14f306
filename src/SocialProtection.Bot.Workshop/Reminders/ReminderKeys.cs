using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Where follow-up data lives in the object store. Ids from outside are encoded with <see cref="StorageKey.Segment"/>.
/// <list type="bullet">
/// <item><c>reminders/plans/{workshopId}.json</c>: a workshop's follow-up plan (<see cref="FollowUpPlan"/>).</item>
/// <item><c>workshops/{workshopId}/commitments/{userKey}.json</c>: a partner's follow-up (<see cref="PartnerFollowUp"/>).</item>
/// <item><c>reminders/due/{yyyyMMddHH}/{occurrenceId}.json</c>: a reminder waiting to go out (<see cref="ReminderOccurrence"/>),
/// filed under the UTC hour it is planned for, so the scheduler lists only hours that have come.</item>
/// </list>
/// </summary>
internal static class ReminderKeys
{
    public const string DuePrefix = "reminders/due/";
    public const string PlansPrefix = "reminders/plans/";
    private const string JsonExtension = ".json";
    private const string BucketFormat = "yyyyMMddHH";

    public static string Plan(string workshopId) => StorageKey.Combine("reminders", "plans", JsonName(workshopId));

    public static string Partner(string workshopId, string userKey) =>
        StorageKey.Combine("workshops", StorageKey.Segment(workshopId), "commitments", JsonName(userKey));

    public static string PartnersPrefix(string workshopId) =>
        StorageKey.Combine("workshops", StorageKey.Segment(workshopId), "commitments") + "/";

    public static string Due(DateTimeOffset plannedFor, string occurrenceId) =>
        StorageKey.Combine("reminders", "due", Bucket(plannedFor), occurrenceId + JsonExtension);

    /// <summary>The hour bucket of an instant: its UTC hour as yyyyMMddHH (sorts in time order).</summary>
    public static string Bucket(DateTimeOffset instant) => instant.UtcDateTime.ToString(BucketFormat, CultureInfo.InvariantCulture);

    /// <summary>The bucket of a due key, or null when the key is not one.</summary>
    public static string? BucketOf(string dueKey)
    {
        if (!dueKey.StartsWith(DuePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = dueKey.AsSpan(DuePrefix.Length);
        var slash = rest.IndexOf('/');
        return slash == BucketFormat.Length ? rest[..slash].ToString() : null;
    }

    /// <summary>
    /// The id of a reminder: the same workshop, partner, commitment and rule always give the same id, so a reminder
    /// written twice (by two planners, or after a restart) is one object.
    /// </summary>
    public static string OccurrenceId(string workshopId, string userKey, string commitmentId, string ruleKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', workshopId, userKey, commitmentId, ruleKey)));
        return "r" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    // The extension must fit inside the segment limit; very long ids are hashed as StorageKey hashes them.
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
