using System.Collections.Concurrent;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>
/// Dot votes on the object store. The ballot is one object; every voter's dots are another object of their own,
/// changed only with a conditional write (<see cref="JsonObjectStore.UpdateAsync{T}"/>), so people voting at the same
/// time never touch the same object and a voter's own double press cannot lose an update. The tally is counted from
/// the voters' objects each time; it is never stored, so it cannot drift.
/// </summary>
internal sealed class DotVoteStore(IObjectStore store, JsonObjectStore json, TimeProvider time)
{
    // Reading the voters' objects in parallel keeps a tally of a few hundred voters within an invoke's time budget.
    private const int ReadParallelism = 16;

    public async Task SaveBallotAsync(DotVoteBallot ballot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var key = SummaryKeys.Ballot(ballot.WorkshopId, ballot.GroupId);
        await json.UpdateAsync<DotVoteBallot>(key, _ => UpdateDecision.Write(ballot), cancellationToken);
    }

    public async Task<DotVoteBallot?> GetBallotAsync(string workshopId, string? groupId, CancellationToken cancellationToken) =>
        (await json.ReadAsync<DotVoteBallot>(SummaryKeys.Ballot(workshopId, groupId), cancellationToken))?.Value;

    /// <summary>The voter's dots, or an empty record when they have not voted.</summary>
    public async Task<VoterDots> GetVoterAsync(DotVoteBallot ballot, string voterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentException.ThrowIfNullOrEmpty(voterId);
        var stored = await json.ReadAsync<VoterDots>(SummaryKeys.Vote(ballot.WorkshopId, ballot.GroupId, voterId), cancellationToken);
        return stored?.Value ?? new VoterDots { VoterId = voterId };
    }

    /// <summary>
    /// Puts the voter's dot on the candidate, or takes it back when it is already there. With every dot placed, nothing
    /// changes (<see cref="DotVoteOutcome.NoDotsLeft"/>). A press whose <paramref name="activityId"/> was already
    /// counted changes nothing. Throws <see cref="DotVoteException"/> for a missing ballot, an unknown candidate or a
    /// voter who is not in the group.
    /// </summary>
    public async Task<DotVoteResult> ToggleAsync(
        string workshopId, string? groupId, string voterId, string candidateId, string? activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(voterId);
        ArgumentException.ThrowIfNullOrEmpty(candidateId);
        var ballot = await GetBallotAsync(workshopId, groupId, cancellationToken) ?? throw new DotVoteException(DotVoteRefusal.NoBallot);
        if (ballot.Find(candidateId) is null)
        {
            throw new DotVoteException(DotVoteRefusal.UnknownCandidate);
        }
        if (!ballot.IsEligible(voterId))
        {
            throw new DotVoteException(DotVoteRefusal.NotEligible);
        }

        var outcome = DotVoteOutcome.AlreadyCounted;
        var result = await json.UpdateAsync<VoterDots>(
            SummaryKeys.Vote(workshopId, groupId, voterId),
            current =>
            {
                var dots = current ?? new VoterDots { VoterId = voterId };
                if (dots.HasProcessed(activityId))
                {
                    outcome = DotVoteOutcome.AlreadyCounted;
                    return UpdateDecision.NoChange<VoterDots>();
                }
                if (dots.CandidateIds.Contains(candidateId))
                {
                    outcome = DotVoteOutcome.Removed;
                    dots = dots with { CandidateIds = dots.CandidateIds.Remove(candidateId) };
                }
                else if (dots.DotsLeft(ballot) > 0)
                {
                    outcome = DotVoteOutcome.Added;
                    dots = dots with { CandidateIds = dots.CandidateIds.Add(candidateId) };
                }
                else
                {
                    outcome = DotVoteOutcome.NoDotsLeft;
                    return UpdateDecision.NoChange<VoterDots>();
                }
                return UpdateDecision.Write(dots.WithProcessed(activityId) with { UpdatedAt = time.GetUtcNow() });
            },
            cancellationToken);

        var voter = result.Value ?? new VoterDots { VoterId = voterId };
        var tally = await TallyAsync(ballot, cancellationToken);
        return new DotVoteResult(outcome, voter, tally);
    }

    /// <summary>Counts every stored vote of the ballot.</summary>
    public async Task<DotVoteTally> TallyAsync(DotVoteBallot ballot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(SummaryKeys.VotesPrefix(ballot.WorkshopId, ballot.GroupId), cancellationToken))
        {
            keys.Add(info.Key);
        }

        var votes = new ConcurrentBag<VoterDots>();
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (key, token) =>
            {
                // A voter's object deleted between listing and reading simply has no dots.
                if (await json.ReadAsync<VoterDots>(key, token) is { } vote)
                {
                    votes.Add(vote.Value);
                }
            });
        return DotVoteTally.Compute(ballot, votes);
    }
}
