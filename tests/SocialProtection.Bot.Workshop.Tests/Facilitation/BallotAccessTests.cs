using System.Text.Json.Nodes;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>Issue 15 item 3: a ballot (leverage-point answers and tallies) is shown only to the workshop's people.</summary>
public sealed class BallotAccessTests : IAsyncDisposable
{
    private const string RefusalThai = "เฉพาะผู้เข้าร่วมและวิทยากรกระบวนการของเวิร์กชอปนี้เท่านั้นที่ดูหรือโหวตได้";
    private const string RefusalEnglish = "Only this workshop's participants and facilitators can see or vote on this ballot. Nothing was changed.";

    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Someone_outside_the_workshop_pressing_a_ballot_away_from_its_channel_is_refused_and_sees_nothing()
    {
        var (_, showCount, vote) = await PostVoteAsync();
        var before = await _world.SnapshotAsync();

        var attempts = new[]
        {
            await _world.Execute(Person.Colleague, SummaryCardVerbs.Vote, Copy(showCount), cardMessageId: "personal-card"),
            await _world.Execute(Person.Colleague, SummaryCardVerbs.Vote, Copy(vote), cardMessageId: "personal-card"),
            await _world.Press(Person.Colleague, SummaryCardVerbs.Vote, Copy(showCount), channelId: BotWorld.OtherChannelId),
            await _world.Press(Person.Colleague, SummaryCardVerbs.Vote, Copy(vote), channelId: BotWorld.OtherChannelId),
        };

        foreach (var attempt in attempts)
        {
            Assert.Equal(403, attempt.InvokeStatus);
            Assert.Null(attempt.PressedCard);
            var text = attempt.InvokeText!;
            Assert.Contains(RefusalThai, text, StringComparison.Ordinal);
            Assert.Contains(RefusalEnglish, text, StringComparison.Ordinal);
            Assert.True(text.IndexOf(RefusalThai, StringComparison.Ordinal) < text.IndexOf(RefusalEnglish, StringComparison.Ordinal), "Thai first");
            Assert.DoesNotContain("LEVER", text, StringComparison.Ordinal);
            Assert.Empty(attempt.Calls);
        }
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task The_workshops_channel_its_participants_and_its_facilitators_still_see_the_ballot()
    {
        var (_, showCount, _) = await PostVoteAsync();

        var inChannel = await _world.Press(Person.Colleague, SummaryCardVerbs.Vote, Copy(showCount));
        var otherGroupsParticipant = await _world.Execute(Person.Carol, SummaryCardVerbs.Vote, Copy(showCount), cardMessageId: "personal-card");
        var facilitator = await _world.Execute(Person.Facilitator, SummaryCardVerbs.Vote, Copy(showCount), cardMessageId: "personal-card");

        foreach (var allowed in new[] { inChannel, otherGroupsParticipant, facilitator })
        {
            Assert.NotNull(allowed.PressedCard);
            Assert.Contains("ALICELEVER1", allowed.PressedCard!.Value.GetRawText(), StringComparison.Ordinal);
        }
    }

    private static JsonObject Copy(JsonObject data) => data.DeepClone().AsObject();

    private async Task<(WorkshopRecord Workshop, JsonObject ShowCount, JsonObject Vote)> PostVoteAsync()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.PutParticipantAsync(workshop.Id, Person.Alice.AadObjectId, SeedRecords.Submitted(workshop.Id, Person.Alice.AadObjectId, "g1", "ALICEGOOD1 ข้อดี", "ALICELEVER1 งบประมาณท้องถิ่น"));
        await _world.PutParticipantAsync(workshop.Id, Person.Bob.AadObjectId, SeedRecords.Submitted(workshop.Id, Person.Bob.AadObjectId, "g1", "BOBGOOD1 ข้อดี", "BOBLEVER1 คณะกรรมการระดับชาติ"));
        await _world.PutParticipantAsync(workshop.Id, Person.Carol.AadObjectId, SeedRecords.Submitted(workshop.Id, Person.Carol.AadObjectId, "g2", "CAROLGOOD1 ข้อดี", "CAROLLEVER1 กฎหมาย"));
        await _world.SayInChannel(Person.Facilitator, "summary 1");
        await _world.WaitForPostingsAsync();
        var votePost = _world.Teams.PostsTo(BotWorld.ChannelId).Last(p => CardJson.HasAction(p.Cards[0], SummaryCardVerbs.Vote));
        var datas = CardJson.Actions(votePost.Cards[0]).Select(a => a.GetProperty("data")).ToList();
        var vote = datas.First(d => d.TryGetProperty("candidateId", out _));
        var showCount = JsonNode.Parse(vote.GetRawText())!.AsObject();
        showCount.Remove("candidateId");
        return (workshop, showCount, JsonNode.Parse(vote.GetRawText())!.AsObject());
    }
}
