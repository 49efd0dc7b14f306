using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
namespace SocialProtection.Bot.Workshop.Summaries.Cards;

/// <summary>How summary and vote cards are cut to size (configuration section "Summaries:Cards").</summary>
public sealed class SummaryCardOptions
{
    public const string SectionName = "Summaries:Cards";

    /// <summary>
    /// Below this a card cannot be sure to hold its frame, the longest question heading a set may have and the largest
    /// single item (a commitment at its length limits).
    /// </summary>
    public const int MinCardBytes = 12_000;

    /// <summary>
    /// The hard limit for one card's JSON, in UTF-16 bytes (2 per code unit) as Teams counts message size. 28 KB by
    /// default (<see cref="CardBudget.MaxBytes"/>): the smallest Teams limit a card can meet.
    /// </summary>
    public int MaxCardBytes { get; set; } = CardBudget.MaxBytes;

    /// <summary>Themes listed per question and for the group.</summary>
    public int MaxThemesShown { get; set; } = 10;

    /// <summary>In named workshops, how many people's choices one "show each answer" panel lists.</summary>
    public int DetailLinesPerPanel { get; set; } = 25;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCardBytes, MinCardBytes, nameof(MaxCardBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxThemesShown, 1, nameof(MaxThemesShown));
        ArgumentOutOfRangeException.ThrowIfLessThan(DetailLinesPerPanel, 1, nameof(DetailLinesPerPanel));
    }
}
