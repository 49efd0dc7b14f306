using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using static SocialProtection.Bot.Workshop.Tests.Summaries.SummaryTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Tests.Summaries;

namespace SocialProtection.Bot.Workshop.Tests.Reports;

/// <summary>A two-group workshop with a few hostile answers, and its report.</summary>
internal static class ReportTestData
{
    public const string ScriptAttack = "<script>alert('x')</script> & <img src=x onerror=alert(1)>";
    public const string LinkAttack = "[คลิก](https://evil.example) **ด่วน** # หัวข้อ";
    public const string FormulaAttack = "=HYPERLINK(\"https://evil.example\",\"คลิก\")";
    public const string QuotedAnswer = "ข้อเสนอ \"ด่วน\", สำคัญ\nบรรทัดที่สอง";

    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);

    public static WorkshopReportRequest Request(AnswerVisibility visibility = AnswerVisibility.Anonymous, IReadOnlyList<ReportGroup>? groups = null)
    {
        groups ??= Groups();
        return new WorkshopReportRequest
        {
            WorkshopId = WorkshopId,
            WorkshopTitle = "การประชุมเชิงปฏิบัติการ <b>ความคุ้มครองทางสังคม</b>",
            WorkshopDate = WorkshopDate,
            Visibility = visibility,
            AnonymityKey = Key,
            QuestionSet = Set,
            Groups = groups,
            GeneratedAt = GeneratedAt,
        };
    }

    public static List<ReportGroup> Groups()
    {
        var text = new ThaiAnswerGenerator(11);
        var first = Enumerable.Range(1, 6).Select(i => Participant(i, text, 300)).ToList();
        var second = Enumerable.Range(7, 5).Select(i => Participant(i, text, 300)).ToList();
        second.Add(new SummaryParticipant("hostile", "Mallory <at>all</at>", Record(
            ("goodPractices", LongText(ScriptAttack)),
            ("obstacles", LongText(LinkAttack)),
            ("strategyRecommendations", LongText(FormulaAttack)),
            ("mechanismRecommendations", LongText(QuotedAnswer)),
            ("commitments", Commitments(new Commitment("c1", "-2+3 ทดสอบสูตร", "@องค์กร", new DateOnly(2027, 2, 1)))))));
        return [new ReportGroup("g1", "กลุ่ม 1", first), new ReportGroup("g2", "กลุ่ม 2", second)];
    }

    public static WorkshopReport Build(AnswerVisibility visibility = AnswerVisibility.Anonymous)
    {
        var request = Request(visibility);
        var builder = new WorkshopReportBuilder(new GroupSummaryBuilder());
        var summary = new GroupSummaryBuilder().Build(new GroupSummaryRequest
        {
            WorkshopId = request.WorkshopId,
            WorkshopTitle = request.WorkshopTitle,
            WorkshopDate = request.WorkshopDate,
            GroupId = "g1",
            GroupName = "กลุ่ม 1",
            Visibility = visibility,
            AnonymityKey = request.AnonymityKey,
            QuestionSet = request.QuestionSet,
            Participants = request.Groups[0].Participants,
        });
        var ballot = DotVoteBallot.For(summary, request.Groups[0].Participants.Select(p => p.ParticipantId));
        var votes = request.Groups[0].Participants.Select(p => new VoterDots { VoterId = p.ParticipantId, CandidateIds = [ballot.Candidates[^1].Id] });
        return builder.Build(request with { Votes = new Dictionary<string, DotVoteTally> { ["g1"] = DotVoteTally.Compute(ballot, votes) } });
    }
}
