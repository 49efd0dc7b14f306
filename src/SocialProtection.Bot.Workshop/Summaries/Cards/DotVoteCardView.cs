using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Summaries.Cards;

/// <summary>
/// The parts of a vote card meant for one person: their dots and what their press did. Only for cards answered to an
/// Action.Execute, which Teams shows to the presser alone; a card posted or updated for everyone has no view.
/// </summary>
internal sealed record DotVoteCardView(VoterDots Voter, DotVoteOutcome? Outcome);
