using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>The dots one candidate received.</summary>
public sealed record CandidateTally(DotVoteCandidate Candidate, int Dots);
