using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>How much of each kind of theme a summary keeps (bound from configuration section "Summaries").</summary>
public sealed class SummaryOptions
{
    public const string SectionName = "Summaries";

    /// <summary>Themes per long-text question.</summary>
    public int ThemesPerQuestion { get; set; } = 10;

    /// <summary>Themes across all the group's long-text answers.</summary>
    public int GroupThemes { get; set; } = 15;

    /// <summary>The fewest participants who must share a phrase for it to be a theme.</summary>
    public int ThemeMinParticipants { get; set; } = 2;

    /// <summary>The longest theme, in segmented words.</summary>
    public int ThemeMaxPhraseWords { get; set; } = 4;

    /// <summary>How many leverage-point themes are put to the vote beside the answers themselves.</summary>
    public int ThemeVoteCandidates { get; set; } = 10;

    internal ThemeOptions ThemeOptions(int maxThemes) => new()
    {
        MaxThemes = maxThemes,
        MinParticipants = ThemeMinParticipants,
        MaxPhraseWords = ThemeMaxPhraseWords,
    };

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ThemesPerQuestion, 1, nameof(ThemesPerQuestion));
        ArgumentOutOfRangeException.ThrowIfLessThan(GroupThemes, 1, nameof(GroupThemes));
        ArgumentOutOfRangeException.ThrowIfLessThan(ThemeVoteCandidates, 0, nameof(ThemeVoteCandidates));
    }
}
