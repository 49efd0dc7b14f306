using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Summaries.Cards;

/// <summary>The verb of the dot-vote card's buttons (their data is a <see cref="Voting.DotVoteRequest"/>).</summary>
internal static class SummaryCardVerbs
{
    /// <summary>Put a dot on a candidate or take it back; without a candidate, just show the current count.</summary>
    public const string Vote = "summary.vote";
}
