using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reports.Charts;

/// <summary>The bars of the report's charts, the same in every format that draws them (Word, HTML).</summary>
internal static class ReportChartBars
{
    /// <summary>One bar per option (per rating value), in the set's order, labelled in <paramref name="language"/>.</summary>
    public static IReadOnlyList<ChartBar> Distribution(QuestionDistribution distribution, Language language)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return [.. distribution.Rows.Select(r => new ChartBar(r.Label.In(language), r.Count))];
    }

    /// <summary>A voted group's leverage points, the most dots first; empty when the group has not voted.</summary>
    public static IReadOnlyList<ChartBar> Ranking(GroupLeveragePoints group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Voted ? [.. group.Points.Select(p => new ChartBar(p.Text, p.Dots ?? 0))] : [];
    }
}
