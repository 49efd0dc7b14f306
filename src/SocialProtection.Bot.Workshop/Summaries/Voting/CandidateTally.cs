using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>The dots one candidate received.</summary>
internal sealed record CandidateTally(DotVoteCandidate Candidate, int Dots);
