using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
namespace SocialProtection.Bot.Workshop.Summaries.Cards;

/// <summary>How summary and vote cards are cut to size (configuration section "Summaries:Cards").</summary>
internal sealed class SummaryCardOptions
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

    /// <summary>Ideas listed per question and for the group.</summary>
    public int MaxIdeasShown { get; set; } = 10;

    /// <summary>
    /// How many of an idea's answers its "show the answers behind this idea" panels list (a group of 12 has at most 12;
    /// past this, the panel says how many more, all of which are listed under their question).
    /// </summary>
    public int MaxIdeaAnswersShown { get; set; } = 40;

    /// <summary>
    /// How many lines one "show" panel lists: people's choices in named workshops, the answers behind an idea.
    /// </summary>
    public int DetailLinesPerPanel { get; set; } = 25;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCardBytes, MinCardBytes, nameof(MaxCardBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIdeasShown, 1, nameof(MaxIdeasShown));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIdeaAnswersShown, 1, nameof(MaxIdeaAnswersShown));
        ArgumentOutOfRangeException.ThrowIfLessThan(DetailLinesPerPanel, 1, nameof(DetailLinesPerPanel));
    }
}
