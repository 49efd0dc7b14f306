using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Summaries.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

public sealed class DotVoteCardBuilderTests
{
    [Fact]
    public void Every_candidate_has_a_vote_button_naming_it()
    {
        using var vote = new DotVoteFixture(participants: 6);
        var tally = DotVoteTally.Compute(vote.Ballot, []);

        var cards = new DotVoteCardBuilder().BuildAll(vote.Ballot, tally).Select(CardContent.Json).ToList();

        var executes = cards.SelectMany(Descendants).Where(o => (string?)o["type"] == "Action.Execute" && o["data"]?["candidateId"] is not null).ToList();
        Assert.Equal(vote.Ballot.Candidates.Select(c => c.Id), executes.Select(e => (string?)e["data"]!["candidateId"]));
        Assert.All(executes, e =>
        {
            Assert.Equal(SummaryCardVerbs.Vote, (string?)e["verb"]);
            Assert.Equal(vote.Ballot.WorkshopId, (string?)e["data"]!["workshopId"]);
            Assert.Equal("Action.Submit", (string?)e["fallback"]!["type"]);
            Assert.Equal(SummaryCardVerbs.Vote, (string?)e["fallback"]!["data"]!["verb"]);
        });
        Assert.All(cards, card => Assert.Equal(SummaryCardVerbs.Vote, (string?)card["refresh"]!["action"]!["verb"]));
    }

    [Fact]
    public void A_long_ballot_is_paged_with_every_page_under_the_budget_and_every_candidate_on_one_page()
    {
        using var vote = new DotVoteFixture(participants: 120);
        var tally = DotVoteTally.Compute(vote.Ballot, []);
        var builder = new DotVoteCardBuilder();

        var pages = builder.BuildAll(vote.Ballot, tally);

        Assert.True(pages.Count > 1);
        Assert.All(pages, p => Assert.True(AdaptiveCardJson.Utf16ByteCount(p) <= 28_000));
        var shown = pages.Select(p => AdaptiveCardJson.Serialize(p)).ToList();
        foreach (var candidate in vote.Ballot.Candidates)
        {
            var page = builder.PageOf(vote.Ballot, candidate.Id);
            Assert.Single(shown, s => s.Contains(candidate.Id, StringComparison.Ordinal));
            Assert.Contains(candidate.Id, shown[page - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_presser_sees_their_own_dots_and_buttons_to_take_them_back()
    {
        using var vote = new DotVoteFixture(participants: 6);
        var voter = new VoterDots { VoterId = vote.Participants[0].ParticipantId, CandidateIds = [vote.Candidate(0)] };
        var tally = DotVoteTally.Compute(vote.Ballot, [voter]);

        var text = AdaptiveCardJson.Serialize(new DotVoteCardBuilder().Build(vote.Ballot, tally, 1, new DotVoteCardView(voter, DotVoteOutcome.Added)));

        Assert.Contains("คุณเหลือ 2 จาก 3 จุด", text, StringComparison.Ordinal);
        Assert.Contains("ถอนจุด", text, StringComparison.Ordinal);
        Assert.Contains("ให้จุดแล้ว", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vote_cards_pass_the_Adaptive_Cards_renderer_for_Teams()
    {
        using var vote = new DotVoteFixture(participants: 8);
        var voter = new VoterDots { VoterId = vote.Participants[0].ParticipantId, CandidateIds = [vote.Candidate(0), vote.Candidate(1)] };
        var tally = DotVoteTally.Compute(vote.Ballot, [voter]);
        var builder = new DotVoteCardBuilder();

        var report = await AdaptiveCardValidator.ValidateAsync(
        [
            AdaptiveCardJson.Serialize(builder.Build(vote.Ballot, tally, 1)),
            AdaptiveCardJson.Serialize(builder.Build(vote.Ballot, tally, 1, new DotVoteCardView(voter, DotVoteOutcome.NoDotsLeft))),
        ]);

        Assert.True(report.IsClean, report.Describe());
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants))
                {
                    yield return child;
                }
                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>().SelectMany(Descendants))
                {
                    yield return child;
                }
                break;
        }
    }
}
