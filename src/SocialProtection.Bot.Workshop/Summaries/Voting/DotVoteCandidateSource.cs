using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>Where a dot-vote candidate came from.</summary>
internal enum DotVoteCandidateSource
{
    /// <summary>A phrase recurring across the leverage-point answers; only in ballots stored before ideas replaced themes.</summary>
    Theme,

    /// <summary>One participant's leverage-point answer that makes a point no idea on the ballot holds.</summary>
    Answer,

    /// <summary>An idea several participants raised in their leverage-point answers.</summary>
    Idea,
}
