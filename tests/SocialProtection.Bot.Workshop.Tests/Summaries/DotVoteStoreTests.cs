using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

public sealed class DotVoteStoreTests
{
    [Fact]
    public async Task Many_voters_voting_at_once_are_all_counted_exactly_once()
    {
        using var vote = new DotVoteFixture(participants: 40);
        await vote.SaveBallotAsync();
        var candidates = vote.Ballot.Candidates.Count;

        // Every voter places three dots at the same time as everyone else; voter i picks candidates i, i+1, i+2.
        var presses = vote.Participants.SelectMany((p, i) => Enumerable.Range(0, 3).Select(k => (Voter: p.ParticipantId, Candidate: vote.Candidate((i + k) % candidates), Activity: $"act-{i}-{k}")));
        var results = await Task.WhenAll(presses.Select(press => Task.Run(() =>
            vote.Votes.ToggleAsync(vote.Ballot.WorkshopId, vote.Ballot.GroupId, press.Voter, press.Candidate, press.Activity, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(DotVoteOutcome.Added, r.Outcome));
        var tally = await vote.Votes.TallyAsync(vote.Ballot, CancellationToken.None);
        Assert.Equal(40, tally.VoterCount);
        Assert.Equal(120, tally.DotsCast);
        for (var c = 0; c < candidates; c++)
        {
            var expected = Enumerable.Range(0, 40).Count(i => Enumerable.Range(0, 3).Any(k => (i + k) % candidates == c));
            Assert.Equal(expected, tally.DotsFor(vote.Candidate(c)));
        }
    }

    [Fact]
    public async Task One_voter_pressing_many_buttons_at_once_never_gets_more_than_their_dots()
    {
        using var vote = new DotVoteFixture();
        await vote.SaveBallotAsync();
        var voter = vote.Participants[0].ParticipantId;

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(c => Task.Run(() =>
            vote.Votes.ToggleAsync(vote.Ballot.WorkshopId, vote.Ballot.GroupId, voter, vote.Candidate(c), "press-" + c, CancellationToken.None))));

        Assert.Equal(3, results.Count(r => r.Outcome == DotVoteOutcome.Added));
        Assert.Equal(3, results.Count(r => r.Outcome == DotVoteOutcome.NoDotsLeft));
        Assert.Equal(3, (await vote.Votes.TallyAsync(vote.Ballot, CancellationToken.None)).DotsCast);
    }

    [Fact]
    public async Task Pressing_a_dotted_item_again_takes_the_dot_back()
    {
        using var vote = new DotVoteFixture();
        await vote.SaveBallotAsync();
        var voter = vote.Participants[0].ParticipantId;

        await vote.Votes.ToggleAsync(vote.Ballot.WorkshopId, vote.Ballot.GroupId, voter, vote.Candidate(0), "a1", CancellationToken.None);
        var second = await vote.Votes.ToggleAsync(vote.Ballot.WorkshopId, vote.Ballot.GroupId, voter, vote.Candidate(0), "a2", CancellationToken.None);

        Assert.Equal(DotVoteOutcome.Removed, second.Outcome);
        Assert.Equal(0, second.Tally.DotsCast);
        Assert.Equal(3, second.Voter.DotsLeft(vote.Ballot));
    }

    [Fact]
    public async Task A_redelivered_press_is_counted_once()
    {
        using var vote = new DotVoteFixture();
        await vote.SaveBallotAsync();
        var voter = vote.Participants[0].ParticipantId;

        await vote.Votes.ToggleAsync(vote.Ballot.WorkshopId, vote.Ballot.GroupId, voter, vote.Candidate(1), "same-activity", CancellationToken.None);
        var again = await vote.Votes.ToggleAsync(vote.Ballot.WorkshopId, vote.Ballot.GroupId, voter, vote.Candidate(1), "same-activity", CancellationToken.None);

        Assert.Equal(DotVoteOutcome.AlreadyCounted, again.Outcome);
        Assert.Equal(1, again.Tally.DotsFor(vote.Candidate(1)));
    }

    [Fact]
    public async Task Outsiders_unknown_candidates_and_missing_ballots_are_refused_and_write_nothing()
    {
        using var vote = new DotVoteFixture();
        await vote.SaveBallotAsync();
        var voter = vote.Participants[0].ParticipantId;

        var outsider = await Assert.ThrowsAsync<DotVoteException>(() =>
            vote.Votes.ToggleAsync(vote.Ballot.WorkshopId, vote.Ballot.GroupId, "someone-else", vote.Candidate(0), "x1", CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<DotVoteException>(() =>
            vote.Votes.ToggleAsync(vote.Ballot.WorkshopId, vote.Ballot.GroupId, voter, "a0000000000000000", "x2", CancellationToken.None));
        var noBallot = await Assert.ThrowsAsync<DotVoteException>(() =>
            vote.Votes.ToggleAsync(vote.Ballot.WorkshopId, "other-group", voter, vote.Candidate(0), "x3", CancellationToken.None));

        Assert.Equal(DotVoteRefusal.NotEligible, outsider.Refusal);
        Assert.Equal(DotVoteRefusal.UnknownCandidate, unknown.Refusal);
        Assert.Equal(DotVoteRefusal.NoBallot, noBallot.Refusal);
        Assert.Equal(0, (await vote.Votes.TallyAsync(vote.Ballot, CancellationToken.None)).DotsCast);
    }

    [Fact]
    public async Task Votes_for_candidates_dropped_from_a_rebuilt_ballot_stop_counting()
    {
        using var vote = new DotVoteFixture();
        await vote.SaveBallotAsync();
        var voter = vote.Participants[0].ParticipantId;
        await vote.Votes.ToggleAsync(vote.Ballot.WorkshopId, vote.Ballot.GroupId, voter, vote.Candidate(0), "b1", CancellationToken.None);
        await vote.Votes.ToggleAsync(vote.Ballot.WorkshopId, vote.Ballot.GroupId, voter, vote.Candidate(1), "b2", CancellationToken.None);

        var rebuilt = vote.Ballot with { Candidates = vote.Ballot.Candidates.Skip(1).ToList() };
        await vote.Votes.SaveBallotAsync(rebuilt, CancellationToken.None);
        var tally = await vote.Votes.TallyAsync(rebuilt, CancellationToken.None);

        Assert.Equal(1, tally.DotsCast);
        Assert.Equal(1, tally.DotsFor(vote.Candidate(1)));
        Assert.Equal(2, (await vote.Votes.GetVoterAsync(rebuilt, voter, CancellationToken.None)).DotsLeft(rebuilt));
    }
}
