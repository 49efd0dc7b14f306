using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>Where a dot-vote candidate came from.</summary>
public enum DotVoteCandidateSource
{
    /// <summary>A theme that recurs across the leverage-point answers.</summary>
    Theme,

    /// <summary>One participant's leverage-point answer.</summary>
    Answer,
}
