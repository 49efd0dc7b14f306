using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>A press counted: what it did, the voter's dots now and the tally after it.</summary>
internal sealed record DotVoteResult(DotVoteOutcome Outcome, VoterDots Voter, DotVoteTally Tally);
