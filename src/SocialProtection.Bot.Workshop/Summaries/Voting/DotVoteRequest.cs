using System.Text.Json;
using System.Text.RegularExpressions;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Summaries.Cards;

namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>
/// What a vote button sent, read from untrusted card data: the workshop and group, the candidate (absent when the
/// card only asks for the latest count) and the page shown. Anything malformed is refused, never guessed.
/// </summary>
internal sealed partial record DotVoteRequest(string WorkshopId, string? GroupId, string? CandidateId, int Page)
{
    public const int MaxIdLength = 200;
    public const int MaxPage = 10_000;

    public static bool TryRead(JsonElement data, out DotVoteRequest request)
    {
        request = null!;
        if (data.ValueKind != JsonValueKind.Object
            || !TryId(data, SummaryCardVerbs.WorkshopIdField, required: true, out var workshopId)
            || !TryId(data, SummaryCardVerbs.GroupIdField, required: false, out var groupId)
            || !TryId(data, SummaryCardVerbs.CandidateIdField, required: false, out var candidateId)
            || (candidateId is not null && !CandidateIdPattern().IsMatch(candidateId)))
        {
            return false;
        }

        var page = 1;
        if (data.TryGetProperty(SummaryCardVerbs.PageField, out var p))
        {
            if (p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out page) || page is < 1 or > MaxPage)
            {
                return false;
            }
        }
        request = new DotVoteRequest(workshopId!, groupId, candidateId, page);
        return true;
    }

    private static bool TryId(JsonElement data, string name, bool required, out string? value)
    {
        value = null;
        if (!data.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return !required;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        value = element.GetString();
        return value is { Length: > 0 and <= MaxIdLength } && !value.Any(char.IsControl);
    }

    [GeneratedRegex("^[ait][0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex CandidateIdPattern();
}
