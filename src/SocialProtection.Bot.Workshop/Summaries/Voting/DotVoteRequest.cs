using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SocialProtection.Bot.Protocol.Cards;

namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>
/// The data of a vote card's buttons: the workshop and group, the candidate (absent when the button only asks for the
/// latest count) and the page shown. Untrusted: anything malformed is refused, never guessed.
/// </summary>
internal sealed partial record DotVoteRequest : CardData
{
    public const int MaxIdLength = 200;
    public const int MaxPage = 10_000;

    public string WorkshopId { get; init; } = "";

    /// <summary>Absent when the vote covers every group.</summary>
    public string? GroupId { get; init; }

    public string? CandidateId { get; init; }

    /// <summary>Which page of the vote (1-based) the card shows; absent on a candidate's button.</summary>
    public int? Page { get; init; }

    [JsonIgnore]
    public int PageShown => Page ?? 1;

    public override bool IsWellFormed() =>
        IsId(WorkshopId)
        && (GroupId is null || IsId(GroupId))
        && (CandidateId is null || CandidateIdPattern().IsMatch(CandidateId))
        && Page is null or >= 1 and <= MaxPage;

    private static bool IsId(string value) => value is { Length: > 0 and <= MaxIdLength } && !value.Any(char.IsControl);

    [GeneratedRegex("^[ait][0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex CandidateIdPattern();
}
