using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Recognises, in a listing under <c>workshops/</c>, the objects that belong to one user: their participant record,
/// their follow-up and their dot votes. The file names come from the features' own key builders, so they match
/// whatever encoding those use.
/// </summary>
internal sealed class UserObjectNames
{
    private const string Probe = "probe";

    private readonly string _participantSuffix;
    private readonly string _followUpSuffix;
    private readonly string _voteSuffix;

    private UserObjectNames(string participantSuffix, string followUpSuffix, string voteSuffix)
    {
        _participantSuffix = participantSuffix;
        _followUpSuffix = followUpSuffix;
        _voteSuffix = voteSuffix;
    }

    public static UserObjectNames For(string userKey) => new(
        "/participants/" + LastSegment(WorkshopKeys.Participant(Probe, userKey)),
        "/commitments/" + LastSegment(ReminderKeys.Partner(Probe, userKey)),
        "/votes/" + LastSegment(SummaryKeys.Vote(Probe, null, userKey)));

    /// <summary><c>workshops/{w}/participants/{user}.json</c>.</summary>
    public bool IsParticipantRecord(string key) => IsDirect(key, _participantSuffix);

    /// <summary><c>workshops/{w}/commitments/{user}.json</c>.</summary>
    public bool IsFollowUp(string key) => IsDirect(key, _followUpSuffix);

    /// <summary><c>workshops/{w}/summaries/…/votes/{user}.json</c>.</summary>
    public bool IsVote(string key) => key.StartsWith("workshops/", StringComparison.Ordinal)
        && key.EndsWith(_voteSuffix, StringComparison.Ordinal)
        && key.Contains("/summaries/", StringComparison.Ordinal);

    /// <summary>The encoded workshop segment of a key under <c>workshops/</c>.</summary>
    public static string WorkshopSegment(string key)
    {
        var rest = key.AsSpan("workshops/".Length);
        var slash = rest.IndexOf('/');
        return (slash < 0 ? rest : rest[..slash]).ToString();
    }

    /// <summary>The workshop id an encoded segment stands for, or null when it was hashed and cannot be read back.</summary>
    public static string? WorkshopId(string segment) => UserKeySegment.FromKey(segment + ".json");

    private static bool IsDirect(string key, string suffix) =>
        key.StartsWith("workshops/", StringComparison.Ordinal)
        && key.EndsWith(suffix, StringComparison.Ordinal)
        && key.Length == "workshops/".Length + WorkshopSegment(key).Length + suffix.Length;

    private static string LastSegment(string key) => key[(key.LastIndexOf('/') + 1)..];
}
