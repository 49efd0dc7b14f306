using SocialProtection.Bot.Workshop.Core.QuestionSummaries;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// The one place that reads the summaries' ideas (<see cref="IdeaSummary"/>: label, people count, representative
/// answers) as the document's ideas, each quote attributed to the group whose answer it is.
/// </summary>
internal static class ReportIdeas
{
    public const int QuotesPerIdea = 2;

    /// <summary>The ideas across every group of a topic, each with up to <see cref="QuotesPerIdea"/> quotes.</summary>
    public static IReadOnlyList<ReportIdea> Across(ReportTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        // An answer is quoted once per topic, so the ideas show different voices rather than one answer again and again.
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        return [.. topic.IdeasAcrossGroups.Select(i => new ReportIdea(i.Label, i.ParticipantCount, Quotes(i, topic, quoted)))];
    }

    /// <summary>One group's ideas on a topic, without quotes (the document lists them on one line).</summary>
    public static IReadOnlyList<ReportIdea> Of(GroupAnswers group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return [.. group.Ideas.Select(i => new ReportIdea(i.Label, i.ParticipantCount, []))];
    }

    /// <summary>Ideas across the whole workshop (the overview), without quotes.</summary>
    public static IReadOnlyList<ReportIdea> Of(WorkshopReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Ideas.Select(i => new ReportIdea(i.Label, i.ParticipantCount, []))];
    }

    private static List<ReportQuote> Quotes(IdeaSummary idea, ReportTopic topic, HashSet<string> quoted)
    {
        var quotes = new List<ReportQuote>(QuotesPerIdea);
        foreach (var quote in idea.Quotes.Concat(idea.Answers))
        {
            if (quotes.Count == QuotesPerIdea)
            {
                break;
            }
            var group = topic.Groups.FirstOrDefault(g => g.Answers.Any(a => a.Respondent == quote.Respondent && a.Text.Contains(quote.Text.Trim('…', ' '), StringComparison.Ordinal)))
                ?? topic.Groups.FirstOrDefault(g => g.Answers.Any(a => a.Respondent == quote.Respondent));
            if (group is not null && quoted.Add(quote.Text.Trim()))
            {
                quotes.Add(new ReportQuote(new TextAnswer(quote.Respondent, quote.Text), group.GroupId, group.GroupName));
            }
        }
        return quotes;
    }
}
