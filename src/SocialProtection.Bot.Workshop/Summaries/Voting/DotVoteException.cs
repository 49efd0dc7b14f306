using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>Why a vote was refused; nothing was written.</summary>
internal enum DotVoteRefusal
{
    /// <summary>No vote is open for this workshop and group (never posted, or the card is forged).</summary>
    NoBallot,

    /// <summary>The candidate is not on the ballot (a stale or forged card).</summary>
    UnknownCandidate,

    /// <summary>The presser is not a participant of the group.</summary>
    NotEligible,
}

/// <summary>A vote that was refused, with the reason; nothing was written.</summary>
internal sealed class DotVoteException(DotVoteRefusal refusal)
    : Exception($"The vote was refused: {refusal}.")
{
    public DotVoteRefusal Refusal { get; } = refusal;
}
