using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>A leverage point put to the vote, with its dots (null when the group has not voted).</summary>
/// <param name="Quote">For an idea, one representative answer; null otherwise.</param>
internal sealed record LeveragePoint(
    string CandidateId, DotVoteCandidateSource Source, string Text, int ParticipantCount, Respondent? ProposedBy, int? Dots, string? Quote = null);
