using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>
/// Something participants can put dots on. <see cref="Id"/> is stable for the same data (a hash of the theme text,
/// or a keyed hash of the answer's author), so votes survive a summary that is built again.
/// </summary>
/// <param name="Text">The theme or the answer, exactly as written (user text: escape it wherever it is shown).</param>
/// <param name="ParticipantCount">How many participants raised it (1 for an answer).</param>
/// <param name="ProposedBy">The answer's author; null for a theme.</param>
public sealed record DotVoteCandidate(
    string Id,
    DotVoteCandidateSource Source,
    string Text,
    int ParticipantCount,
    Respondent? ProposedBy);
