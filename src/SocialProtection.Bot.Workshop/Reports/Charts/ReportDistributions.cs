using System.Globalization;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;

namespace SocialProtection.Bot.Workshop.Reports.Charts;

/// <summary>
/// The choice and rating questions of a report, each summed over its groups (the groups' summaries hold the same
/// options in the same order; an option only one group still has is added where it first appears).
/// </summary>
internal static class ReportDistributions
{
    public static IReadOnlyList<QuestionDistribution> Of(WorkshopReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var order = new List<string>();
        var byQuestion = new Dictionary<string, List<QuestionSummary>>(StringComparer.Ordinal);
        foreach (var question in report.Groups.SelectMany(g => g.Questions).Where(q => q is ChoiceQuestionSummary or RatingQuestionSummary))
        {
            if (!byQuestion.TryGetValue(question.QuestionId, out var list))
            {
                byQuestion[question.QuestionId] = list = [];
                order.Add(question.QuestionId);
            }
            list.Add(question);
        }
        return [.. order.Select(id => Sum(byQuestion[id]))];
    }

    private static QuestionDistribution Sum(List<QuestionSummary> questions)
    {
        var first = questions[0];
        var respondents = questions.Sum(q => q.AnswerCount);
        if (first is RatingQuestionSummary)
        {
            var rows = Enumerable.Range(RatingQuestionSummary.MinValue, RatingQuestionSummary.MaxValue - RatingQuestionSummary.MinValue + 1)
                .Select(v => new DistributionRow(
                    new LocalizedText(v.ToString(CultureInfo.InvariantCulture), v.ToString(CultureInfo.InvariantCulture)),
                    questions.OfType<RatingQuestionSummary>().Sum(q => q.Distribution.Where(d => d.Value == v).Sum(d => d.Count))))
                .ToList();
            var total = rows.Sum(r => r.Count);
            decimal? mean = total == 0
                ? null
                : Math.Round((decimal)rows.Select((r, i) => (RatingQuestionSummary.MinValue + i) * r.Count).Sum() / total, 2, MidpointRounding.AwayFromZero);
            return new QuestionDistribution(first.QuestionId, first.Text, IsRating: true, rows, respondents, mean);
        }
        var options = new List<(string Value, LocalizedText Label)>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tally in questions.OfType<ChoiceQuestionSummary>().SelectMany(q => q.Options))
        {
            if (!counts.ContainsKey(tally.Value))
            {
                options.Add((tally.Value, tally.Known ? tally.Label : new LocalizedText(tally.Value, tally.Value)));
                counts[tally.Value] = 0;
            }
            counts[tally.Value] += tally.Count;
        }
        return new QuestionDistribution(first.QuestionId, first.Text, IsRating: false, [.. options.Select(o => new DistributionRow(o.Label, counts[o.Value]))], respondents, null);
    }
}
