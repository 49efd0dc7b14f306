using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>
/// The count of a dot vote, computed from the per-voter records: each eligible voter's dots on current candidates,
/// at most <see cref="DotVoteBallot.DotsPerVoter"/> of them (the first in ordinal order when a ballot shrank).
/// <see cref="Candidates"/> keeps the ballot's order, so buttons never move on the card; <see cref="Ranking"/> is by dots.
/// </summary>
internal sealed record DotVoteTally(IReadOnlyList<CandidateTally> Candidates, int VoterCount, int DotsCast)
{
    public IEnumerable<CandidateTally> Ranking =>
        Candidates.Select((tally, index) => (tally, index))
            .OrderByDescending(t => t.tally.Dots)
            .ThenBy(t => t.index)
            .Select(t => t.tally);

    public int DotsFor(string candidateId) => Candidates.FirstOrDefault(c => c.Candidate.Id == candidateId)?.Dots ?? 0;

    public static DotVoteTally Compute(DotVoteBallot ballot, IEnumerable<VoterDots> votes)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentNullException.ThrowIfNull(votes);
        var dots = new Dictionary<string, int>(StringComparer.Ordinal);
        var voters = new HashSet<string>(StringComparer.Ordinal);
        var cast = 0;
        foreach (var vote in votes)
        {
            if (!ballot.IsEligible(vote.VoterId) || !voters.Add(vote.VoterId))
            {
                continue;
            }
            var counted = vote.CandidateIds.Where(id => ballot.Find(id) is not null)
                .Order(StringComparer.Ordinal)
                .Take(ballot.DotsPerVoter)
                .ToList();
            if (counted.Count == 0)
            {
                voters.Remove(vote.VoterId);
                continue;
            }
            foreach (var id in counted)
            {
                dots[id] = dots.GetValueOrDefault(id) + 1;
                cast++;
            }
        }
        return new DotVoteTally(
            ballot.Candidates.Select(c => new CandidateTally(c, dots.GetValueOrDefault(c.Id))).ToList(),
            voters.Count,
            cast);
    }
}
