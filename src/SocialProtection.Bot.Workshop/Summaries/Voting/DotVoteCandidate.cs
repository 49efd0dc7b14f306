using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>
/// Something participants can put dots on. <see cref="Id"/> is stable for the same data (a hash of the idea's label,
/// or a keyed hash of the answer's author and text), so votes survive a summary that is built again.
/// </summary>
/// <param name="Text">The idea's label or the answer, exactly as written (user text: escape it wherever it is shown).</param>
/// <param name="ParticipantCount">How many participants raised it (1 for an answer).</param>
/// <param name="ProposedBy">The answer's author; null for an idea.</param>
/// <param name="Quote">For an idea, one representative answer, shortened (user text); null otherwise.</param>
internal sealed record DotVoteCandidate(
    string Id,
    DotVoteCandidateSource Source,
    string Text,
    int ParticipantCount,
    Respondent? ProposedBy,
    string? Quote = null);
