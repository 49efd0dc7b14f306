using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Hosting;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Cards;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

public sealed class DotVoteActionHandlerTests : IDisposable
{
    private const string CardMessageId = "1700000000000";
    private readonly DotVoteFixture _vote = new();
    private readonly FakeTeams _teams = new();
    private readonly DotVoteActionHandler _handler;

    public DotVoteActionHandlerTests()
    {
        _handler = new DotVoteActionHandler(
            _vote.Votes,
            new DotVoteCardBuilder(),
            new BallotAccess(
                new WorkshopStore(_vote.Store, TimeProvider.System),
                new FacilitatorRoles(
                    Options.Create(new FacilitationOptions()),
                    Options.Create(new BotProtocolOptions { MicrosoftAppId = "00000000-0000-0000-0000-0000000000b0" }),
                    new TeamFacilitators(_vote.Store, TimeProvider.System),
                    new WorkshopStore(_vote.Store, TimeProvider.System)),
                _vote.Store),
            NullLogger<DotVoteActionHandler>.Instance);
    }

    public void Dispose() => _vote.Dispose();

    private TurnContext Turn(string aadObjectId, string activityId) => _teams.TurnFor(new Activity
    {
        Type = ActivityTypes.Invoke,
        Id = activityId,
        Name = ActivityRouter.AdaptiveCardActionInvoke,
        ChannelId = "msteams",
        ServiceUrl = BotWorld.ServiceUrl,
        From = new ChannelAccount { Id = "29:" + aadObjectId, AadObjectId = aadObjectId, Name = "someone" },
        Conversation = new ConversationAccount { Id = "19:channel@thread.tacv2" },
        ReplyToId = CardMessageId,
    });

    private CardAction<DotVoteRequest> Press(string? candidateId, CardActionSource source = CardActionSource.Execute, bool refresh = false) =>
        new(SummaryCardVerbs.Vote, new DotVoteRequest { WorkshopId = _vote.Ballot.WorkshopId, GroupId = _vote.Ballot.GroupId, CandidateId = candidateId }, source, CardMessageId, refresh);

    /// <summary>An Action.Execute invoke carrying <paramref name="data"/>, through the bot's route table's kind of router.</summary>
    private async Task<JsonElement> InvokeAsync(string aadObjectId, JsonNode data)
    {
        var router = new ActivityRouter().OnCardAction<DotVoteRequest>(SummaryCardVerbs.Vote, _handler.HandleAsync);
        var value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = SummaryCardVerbs.Vote, ["data"] = data },
            ["trigger"] = "manual",
        };
        var turn = Turn(aadObjectId, "r1");
        var invoke = _teams.TurnFor(turn.Activity with { Value = JsonSerializer.SerializeToElement(value) });
        var response = await router.OnTurnAsync(invoke, CancellationToken.None);
        Assert.Equal(200, response!.Status);
        return response.Body!.Value;
    }

    private static string CardText(CardActionResult result) =>
        ((CardActionResult.ReplaceCard)result).Card.Content!.Value.GetRawText();

    [Fact]
    public async Task A_vote_answers_with_the_refreshed_tally_and_updates_the_card_for_everyone()
    {
        await _vote.SaveBallotAsync();
        var voter = _vote.Participants[0].ParticipantId;
        var turn = Turn(voter, "act-1");

        var result = await _handler.HandleAsync(turn, Press(_vote.Candidate(0)), CancellationToken.None);

        var personal = CardText(result);
        Assert.Contains("ผู้โหวต 1 คน · 1 จุด", personal, StringComparison.Ordinal);
        Assert.Contains("คุณเหลือ 2 จาก 3 จุด", personal, StringComparison.Ordinal);
        var update = Assert.Single(_teams.Calls, c => c.Method == "PUT");
        Assert.Equal(CardMessageId, update.ActivityId);
        var shared = update.Cards[0].GetRawText();
        Assert.Contains("ผู้โหวต 1 คน · 1 จุด", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("คุณเหลือ", shared, StringComparison.Ordinal); // nobody's own dots on the shared card
    }

    [Fact]
    public async Task A_refresh_shows_the_count_without_voting()
    {
        await _vote.SaveBallotAsync();
        var voter = _vote.Participants[1].ParticipantId;
        await _vote.Votes.ToggleAsync(_vote.Ballot.WorkshopId, _vote.Ballot.GroupId, voter, _vote.Candidate(2), "x", CancellationToken.None);
        var turn = Turn(voter, "act-2");

        var result = await _handler.HandleAsync(turn, Press(_vote.Candidate(3), refresh: true), CancellationToken.None);

        Assert.Contains("ผู้โหวต 1 คน · 1 จุด", CardText(result), StringComparison.Ordinal);
        Assert.Equal(1, (await _vote.Votes.TallyAsync(_vote.Ballot, CancellationToken.None)).DotsCast);
        Assert.DoesNotContain(_teams.Calls, c => c.Method == "PUT");
    }

    [Fact]
    public async Task Someone_outside_the_group_is_refused_and_nothing_is_counted()
    {
        await _vote.SaveBallotAsync();

        var result = await _handler.HandleAsync(Turn("not-a-participant", "act-3"), Press(_vote.Candidate(0)), CancellationToken.None);

        var error = Assert.IsType<CardActionResult.Error>(result);
        Assert.Equal(403, error.Status);
        Assert.Contains("เฉพาะผู้เข้าร่วม", error.Text, StringComparison.Ordinal);
        Assert.Equal(0, (await _vote.Votes.TallyAsync(_vote.Ballot, CancellationToken.None)).DotsCast);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"workshopId\":42}")]
    [InlineData("{\"workshopId\":\"ws\",\"candidateId\":\"../../etc\"}")]
    [InlineData("{\"workshopId\":\"ws\",\"page\":-1}")]
    [InlineData("{\"workshopId\":\"ws\",\"groupId\":[\"g1\"]}")]
    public async Task Forged_card_data_is_refused_as_bad_request(string data)
    {
        await _vote.SaveBallotAsync();

        var body = await InvokeAsync(_vote.Participants[0].ParticipantId, JsonNode.Parse(data)!);

        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(0, (await _vote.Votes.TallyAsync(_vote.Ballot, CancellationToken.None)).DotsCast);
    }

    [Fact]
    public async Task A_vote_on_a_ballot_that_does_not_exist_is_refused()
    {
        var result = await _handler.HandleAsync(Turn(_vote.Participants[0].ParticipantId, "act-5"), Press(_vote.Candidate(0)), CancellationToken.None);

        Assert.Equal(404, Assert.IsType<CardActionResult.Error>(result).Status);
    }

    [Fact]
    public async Task On_the_submit_fallback_a_fourth_dot_is_explained_in_the_chat_and_the_card_stays()
    {
        await _vote.SaveBallotAsync();
        var voter = _vote.Participants[0].ParticipantId;
        for (var c = 0; c < 3; c++)
        {
            await _handler.HandleAsync(Turn(voter, "s" + c), Press(_vote.Candidate(c), CardActionSource.Submit), CancellationToken.None);
        }

        var result = await _handler.HandleAsync(Turn(voter, "s4"), Press(_vote.Candidate(3), CardActionSource.Submit), CancellationToken.None);

        Assert.Contains("ใช้ครบ 3 จุดแล้ว", Assert.IsType<CardActionResult.Message>(result).Text, StringComparison.Ordinal);
        Assert.Equal(3, (await _vote.Votes.TallyAsync(_vote.Ballot, CancellationToken.None)).DotsCast);
    }

    [Fact]
    public async Task The_route_table_routes_the_vote_verb_to_the_vote()
    {
        await _vote.SaveBallotAsync();
        var data = new JsonObject { ["workshopId"] = _vote.Ballot.WorkshopId, ["groupId"] = _vote.Ballot.GroupId, ["candidateId"] = _vote.Candidate(0) };

        var body = await InvokeAsync(_vote.Participants[0].ParticipantId, data);

        Assert.Equal(AdaptiveCardInvokeResponses.CardType, body.GetProperty("type").GetString());
        Assert.Equal(1, (await _vote.Votes.TallyAsync(_vote.Ballot, CancellationToken.None)).DotsCast);
    }
}
