using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Summaries;
using static SocialProtection.Bot.Workshop.Tests.Reports.ReportTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Tests.Reports;

public sealed class WorkshopReportBuilderTests
{
    [Fact]
    public void The_report_has_the_workshops_own_structure_filled_from_the_right_questions()
    {
        var report = Build();

        Assert.Equal(["g1", "g2"], report.Overview.Select(o => o.GroupId));
        Assert.Equal(12, report.Totals.Participants);
        Assert.Equal(["goodPractices", "obstacles", "leveragePoints"], report.Observations.Select(t => t.QuestionId));
        Assert.Equal(["strategyRecommendations", "domesticFinancing"], report.StrategyRecommendations.Select(t => t.QuestionId));
        Assert.Equal(["mechanismRecommendations"], report.MechanismRecommendations.Select(t => t.QuestionId));
        Assert.Equal(6, report.Observations[0].Groups[0].Answers.Count);
        Assert.NotEmpty(report.Observations[0].IdeasAcrossGroups);
        Assert.Equal(12, report.Commitments.Count);
        Assert.Equal(report.Commitments.OrderBy(c => c.DueDate).Select(c => c.Action), report.Commitments.Select(c => c.Action));
    }

    [Fact]
    public void Leverage_points_carry_their_votes_most_dots_first_and_unvoted_groups_say_so()
    {
        var report = Build();

        var voted = report.LeveragePoints.Single(g => g.GroupId == "g1");
        Assert.True(voted.Voted);
        Assert.Equal(6, voted.Voters);
        Assert.Equal(6, voted.Points[0].Dots);
        Assert.All(voted.Points.Skip(1), p => Assert.Equal(0, p.Dots));
        var unvoted = report.LeveragePoints.Single(g => g.GroupId == "g2");
        Assert.False(unvoted.Voted);
        Assert.All(unvoted.Points, p => Assert.Null(p.Dots));
    }

    [Fact]
    public void Shuffled_groups_and_participants_give_the_same_report()
    {
        var builder = new WorkshopReportBuilder(new GroupSummaryBuilder());
        var groups = Groups();
        var shuffled = groups.AsEnumerable().Reverse()
            .Select(g => g with { Participants = g.Participants.AsEnumerable().Reverse().ToList() })
            .ToList();

        var first = new MarkdownReportRenderer().Render(builder.Build(Request(groups: groups)));
        var second = new MarkdownReportRenderer().Render(builder.Build(Request(groups: shuffled)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Two_groups_with_one_id_are_refused()
    {
        var groups = Groups();
        groups[1] = groups[1] with { GroupId = "g1" };

        Assert.Throws<ArgumentException>(() => new WorkshopReportBuilder(new GroupSummaryBuilder()).Build(Request(groups: groups)));
    }
}
