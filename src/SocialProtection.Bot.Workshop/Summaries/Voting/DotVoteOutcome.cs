using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>What pressing a candidate's vote button did.</summary>
internal enum DotVoteOutcome
{
    /// <summary>A dot was put on the candidate.</summary>
    Added,

    /// <summary>The voter's dot was taken back off the candidate (pressing again toggles).</summary>
    Removed,

    /// <summary>Nothing changed: every dot is already placed.</summary>
    NoDotsLeft,

    /// <summary>Nothing changed: this press was already counted (a redelivered activity).</summary>
    AlreadyCounted,
}
