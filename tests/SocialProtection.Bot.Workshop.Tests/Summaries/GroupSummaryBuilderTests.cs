using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using static SocialProtection.Bot.Workshop.Tests.Summaries.SummaryTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

public sealed class GroupSummaryBuilderTests
{
    private readonly GroupSummaryBuilder _builder = new();

    [Fact]
    public void Shuffled_participants_give_a_byte_identical_summary()
    {
        var participants = Group(40);
        var shuffled = participants.OrderBy(_ => Random.Shared.Next()).ToList();
        shuffled.Reverse();

        var first = SummaryJson.Serialize(_builder.Build(Request(participants)));
        var second = SummaryJson.Serialize(_builder.Build(Request(shuffled)));

        Assert.Equal(first, second);
        Assert.Contains("\"ideas\":[{", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymous_summary_holds_no_name_or_participant_id()
    {
        var participants = Group(12);

        var json = SummaryJson.Serialize(_builder.Build(Request(participants, AnswerVisibility.Anonymous)));

        foreach (var p in participants)
        {
            Assert.DoesNotContain(p.DisplayName!, json, StringComparison.Ordinal);
            Assert.DoesNotContain(p.ParticipantId, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Anonymous_numbers_are_stable_for_the_same_key_but_follow_neither_names_nor_join_order()
    {
        var participants = Group(30);
        var summary = _builder.Build(Request(participants));
        var again = _builder.Build(Request(participants));
        var otherKey = _builder.Build(Request(participants) with { AnonymityKey = AnonymityKey.Create() });

        var order = NumbersOfParticipants(summary, participants);
        Assert.Equal(order, NumbersOfParticipants(again, participants));
        Assert.NotEqual(order, NumbersOfParticipants(otherKey, participants));
        Assert.NotEqual(Enumerable.Range(1, 30).ToList(), order); // not join order (ids and names are both in join order)
    }

    // Participant i's goodPractices answer is unique, so it tells which number the summary gave them.
    private static List<int> NumbersOfParticipants(GroupSummary summary, List<SummaryParticipant> participants)
    {
        var answers = summary.Questions.OfType<TextQuestionSummary>().Single(q => q.QuestionId == "goodPractices").Answers;
        return participants
            .Select(p => answers.Single(a => a.Text == p.Record.Answers["goodPractices"].Text).Respondent.Number)
            .ToList();
    }

    [Fact]
    public void Named_summary_shows_names_in_name_order()
    {
        var participants = Group(5);

        var summary = _builder.Build(Request(participants, AnswerVisibility.Named));

        var answers = summary.Questions.OfType<TextQuestionSummary>().First().Answers;
        Assert.Equal(participants.Select(p => p.DisplayName).Order(StringComparer.Ordinal), answers.Select(a => a.Respondent.Name));
        Assert.Equal([1, 2, 3, 4, 5], answers.Select(a => a.Respondent.Number));
    }

    [Fact]
    public void Choice_rating_and_date_answers_are_counted_per_option()
    {
        var participants = new List<SummaryParticipant>
        {
            new("a", null, Record(("organisationType", Choice(QuestionKind.SingleChoice, "government")),
                ("priorityGroups", Choice(QuestionKind.MultiChoice, "children", "olderPersons", "children")),
                ("networkReadiness", Rating(5)), ("followUpDate", Date(new DateOnly(2027, 1, 31))))),
            new("b", null, Record(("organisationType", Choice(QuestionKind.SingleChoice, "government")),
                ("priorityGroups", Choice(QuestionKind.MultiChoice, "olderPersons", "retiredOption")),
                ("networkReadiness", Rating(4)), ("followUpDate", Date(new DateOnly(2027, 1, 31))))),
            new("c", null, Record(("organisationType", Choice(QuestionKind.SingleChoice, "civilSociety")),
                ("networkReadiness", Rating(4)), ("followUpDate", Date(new DateOnly(2026, 12, 15))))),
        };

        var summary = _builder.Build(Request(participants));

        var organisation = Assert.IsType<ChoiceQuestionSummary>(summary.Questions.Single(q => q.QuestionId == "organisationType"));
        Assert.Equal(3, organisation.AnswerCount);
        Assert.Equal([2, 1, 0, 0], organisation.Options.Select(o => o.Count));
        var groups = Assert.IsType<ChoiceQuestionSummary>(summary.Questions.Single(q => q.QuestionId == "priorityGroups"));
        Assert.Equal(2, groups.AnswerCount);
        Assert.Equal(1, groups.Options.Single(o => o.Value == "children").Count); // a doubled value counts once
        Assert.Equal(2, groups.Options.Single(o => o.Value == "olderPersons").Count);
        var retired = groups.Options.Single(o => o.Value == "retiredOption");
        Assert.False(retired.Known);
        Assert.Equal(1, retired.Count);
        var rating = Assert.IsType<RatingQuestionSummary>(summary.Questions.Single(q => q.QuestionId == "networkReadiness"));
        Assert.Equal([0, 0, 0, 2, 1], rating.Distribution.Select(d => d.Count));
        Assert.Equal(4.33m, rating.Mean);
        var dates = Assert.IsType<DateQuestionSummary>(summary.Questions.Single(q => q.QuestionId == "followUpDate"));
        Assert.Equal([new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 31)], dates.Dates.Select(d => d.Date));
        Assert.Equal(2, dates.Dates[1].Respondents.Count);
        Assert.Equal(3, summary.RespondentCount);
        Assert.Equal(3 + 2 + 3 + 3, summary.AnswerCount);
    }

    [Fact]
    public void Ideas_count_each_participant_once_however_often_they_repeat_a_phrase()
    {
        var participants = new List<SummaryParticipant>
        {
            new("p1", null, Record(("obstacles", LongText("เครือข่ายยังขาดความไว้เนื้อเชื่อใจ ความไว้เนื้อเชื่อใจสำคัญที่สุด ความไว้เนื้อเชื่อใจต้องสร้าง")))),
            new("p2", null, Record(("obstacles", LongText("ต้องสร้างความไว้เนื้อเชื่อใจระหว่างหน่วยงาน และการคุ้มครองทางสังคมต้องต่อเนื่อง")))),
            new("p3", null, Record(("obstacles", LongText("ความไว้เนื้อเชื่อใจ และการคุ้มครองทางสังคมที่ทั่วถึง")))),
            new("p4", null, Record(("obstacles", LongText("งบประมาณไม่พอ")))),
        };

        var summary = _builder.Build(Request(participants));

        var obstacles = summary.Questions.OfType<TextQuestionSummary>().Single(q => q.QuestionId == "obstacles");
        Assert.Equal(3, obstacles.Ideas.Single(t => t.Label == "ความไว้เนื้อเชื่อใจ").ParticipantCount);
        Assert.Equal(2, obstacles.Ideas.Single(t => t.Label.Contains("คุ้มครองทางสังคม", StringComparison.Ordinal)).ParticipantCount);
        Assert.Equal(3, summary.Ideas.Single(t => t.Label == "ความไว้เนื้อเชื่อใจ").ParticipantCount);
        Assert.DoesNotContain(obstacles.Ideas, t => t.Label == "งบประมาณ"); // said by one person only
    }

    [Fact]
    public void Leverage_point_ideas_and_the_answers_no_idea_holds_become_vote_candidates_with_stable_ids()
    {
        var participants = Group(8);

        var summary = _builder.Build(Request(participants));
        var again = _builder.Build(Request(participants.AsEnumerable().Reverse().ToList()));

        Assert.Equal("leveragePoints", summary.LeverageQuestionId);
        var leverage = summary.Questions.OfType<TextQuestionSummary>().Single(q => q.QuestionId == "leveragePoints");
        var ideas = summary.VoteCandidates.Where(c => c.Source == DotVoteCandidateSource.Idea).ToList();
        Assert.Equal(leverage.Ideas.Select(i => i.Label), ideas.Select(c => c.Text));
        Assert.All(ideas, c => Assert.True(c.ParticipantCount >= 2 && c.Quote is { Length: > 0 }));
        // Every answer is on the ballot, as itself or inside an idea (an answer that makes points of its own stays itself).
        Assert.All(leverage.Answers, a => Assert.True(
            summary.VoteCandidates.Any(c => c.Source == DotVoteCandidateSource.Answer && c.Text == a.Text)
            || leverage.Ideas.Any(i => i.Answers.Any(x => x.Respondent == a.Respondent)),
            a.Text));
        Assert.Equal(summary.VoteCandidates.Select(c => c.Id), again.VoteCandidates.Select(c => c.Id));
        Assert.Equal(summary.VoteCandidates.Count, summary.VoteCandidates.Select(c => c.Id).Distinct().Count());
        Assert.All(summary.VoteCandidates, c => Assert.Matches("^[ai][0-9a-f]{16}$", c.Id));
    }

    [Fact]
    public void Skipped_empty_and_mismatched_answers_are_not_counted()
    {
        var participants = new List<SummaryParticipant>
        {
            new("p1", null, Record(
                ("goodPractices", new Answer { Kind = QuestionKind.LongText, Skipped = true }),
                ("obstacles", LongText("   ")),
                ("networkReadiness", Rating(9)),
                ("leveragePoints", Choice(QuestionKind.SingleChoice, "government")),
                ("commitments", Commitments()))),
            new("p2", null, Record() with { Status = ParticipantStatus.NotStarted }),
        };

        var summary = _builder.Build(Request(participants));

        Assert.Equal(0, summary.AnswerCount);
        Assert.Equal(0, summary.RespondentCount);
        Assert.Equal(2, summary.ParticipantCount);
        Assert.Equal(1, summary.SubmittedCount);
        Assert.All(summary.Questions, q => Assert.Equal(0, q.AnswerCount));
        Assert.Null(summary.LatestAnswerAt);
    }

    [Fact]
    public void A_participant_listed_twice_is_refused_with_a_clear_error()
    {
        var participants = Group(2);
        participants.Add(participants[0]);

        var error = Assert.Throws<ArgumentException>(() => _builder.Build(Request(participants)));
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_summary_reads_back_identical()
    {
        var summary = _builder.Build(Request(Group(6)));

        var json = SummaryJson.Serialize(summary);

        Assert.Equal(json, SummaryJson.Serialize(SummaryJson.Deserialize(json)!));
    }
}
