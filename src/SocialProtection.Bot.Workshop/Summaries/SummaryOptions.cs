using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Ideas;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>How ideas are found and how many a summary keeps (bound from configuration section "Summaries").</summary>
internal sealed class SummaryOptions
{
    public const string SectionName = "Summaries";

    /// <summary>Ideas per long-text question.</summary>
    public int IdeasPerQuestion { get; set; } = 10;

    /// <summary>Ideas across all the group's long-text answers.</summary>
    public int GroupIdeas { get; set; } = 15;

    /// <summary>The fewest participants who must say something for it to be an idea.</summary>
    public int IdeaMinParticipants { get; set; } = 2;

    /// <summary>How alike points must be to be one idea (0 to 1; see <see cref="Ideas.IdeaOptions.Similarity"/>).</summary>
    public double IdeaSimilarity { get; set; } = Ideas.IdeaOptions.Default.Similarity;

    /// <summary>How many of the leverage-point question's ideas are put to the vote (before the answers no idea holds).</summary>
    public int IdeaVoteCandidates { get; set; } = 10;

    internal IdeaOptions IdeaOptions(int maxIdeas) => new()
    {
        MaxIdeas = maxIdeas,
        MinParticipants = IdeaMinParticipants,
        Similarity = IdeaSimilarity,
    };

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(IdeasPerQuestion, 1, nameof(IdeasPerQuestion));
        ArgumentOutOfRangeException.ThrowIfLessThan(GroupIdeas, 1, nameof(GroupIdeas));
        ArgumentOutOfRangeException.ThrowIfLessThan(IdeaVoteCandidates, 0, nameof(IdeaVoteCandidates));
        IdeaOptions(1).Validate();
    }
}
