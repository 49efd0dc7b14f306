using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>Settings for <see cref="ThemeExtractor"/>.</summary>
public sealed record ThemeOptions
{
    public static ThemeOptions Default { get; } = new();

    /// <summary>
    /// The fewest distinct participants who must have written a phrase for it to be a theme. At least 1; with 1 every
    /// phrase of every answer is counted, so keep it at 2 or more for large answer sets.
    /// </summary>
    public int MinParticipants { get; init; } = 2;

    /// <summary>How many themes to return at most, the most widely shared first. At least 1.</summary>
    public int MaxThemes { get; init; } = 20;

    /// <summary>
    /// The longest phrase in segmented words, 1 to 8. A leading nominalizer (การ, ความ) does not count, since ICU splits
    /// many Thai compounds into several words: ความ|ไว้|เนื้อ|เชื่อ|ใจ is a 4-word phrase.
    /// </summary>
    public int MaxPhraseWords { get; init; } = 4;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinParticipants, 1, nameof(MinParticipants));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxThemes, 1, nameof(MaxThemes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPhraseWords, 1, nameof(MaxPhraseWords));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPhraseWords, 8, nameof(MaxPhraseWords));
    }
}
