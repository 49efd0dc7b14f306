using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation.Cards;

/// <summary>
/// The data of a facilitator-side button that names its workshop (the progress card's Refresh and Remind; the kickoff
/// and set-up cards add their inputs). The id is only a claim: handlers check the workshop is this channel's.
/// </summary>
internal record WorkshopCardData : CardData
{
    /// <summary>The most any card field may hold before the press is refused outright (a card's own limits are far lower).</summary>
    public const int MaxFieldLength = 8_000;

    public string WorkshopId { get; init; } = "";

    public override bool IsWellFormed() => WorkshopIds.IsValid(WorkshopId);

    /// <summary>True when every one of <paramref name="inputs"/> is absent or within <see cref="MaxFieldLength"/>.</summary>
    protected static bool WithinLimit(params ReadOnlySpan<string?> inputs)
    {
        foreach (var input in inputs)
        {
            if (input is { Length: > MaxFieldLength })
            {
                return false;
            }
        }
        return true;
    }
}
