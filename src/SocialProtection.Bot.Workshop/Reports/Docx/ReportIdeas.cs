using SocialProtection.Bot.Workshop.Summaries;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// The one place that reads the summaries' recurring phrases (<see cref="ThemeSummary"/>) as the document's ideas,
/// so the document follows when the summaries come to carry ideas (label, people count, representative answers) of
/// their own: only this class changes. Today an idea's quotes are the answers that contain its phrase, each person once.
/// </summary>
internal static class ReportIdeas
{
    public const int QuotesPerIdea = 2;

    /// <summary>The ideas across every group of a topic, each with up to <see cref="QuotesPerIdea"/> quotes.</summary>
    public static IReadOnlyList<ReportIdea> Across(ReportTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var answers = topic.Groups.SelectMany(g => g.Answers.Select(a => new ReportQuote(a, g.GroupId, g.GroupName))).ToList();
        // An answer is quoted once per topic, so the ideas show different voices rather than one answer again and again.
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        return [.. topic.ThemesAcrossGroups.Select(t => new ReportIdea(t.Phrase, t.ParticipantCount, Quotes(t.Phrase, answers, quoted)))];
    }

    /// <summary>One group's ideas on a topic, without quotes (the document lists them on one line).</summary>
    public static IReadOnlyList<ReportIdea> Of(GroupAnswers group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return [.. group.Themes.Select(t => new ReportIdea(t.Phrase, t.ParticipantCount, []))];
    }

    /// <summary>Ideas across the whole workshop (the overview), without quotes.</summary>
    public static IReadOnlyList<ReportIdea> Of(WorkshopReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Themes.Select(t => new ReportIdea(t.Phrase, t.ParticipantCount, []))];
    }

    private static List<ReportQuote> Quotes(string phrase, List<ReportQuote> answers, HashSet<string> quoted)
    {
        var quotes = new List<ReportQuote>(QuotesPerIdea);
        foreach (var answer in answers)
        {
            if (quotes.Count == QuotesPerIdea)
            {
                break;
            }
            if (answer.Answer.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase) && quoted.Add(answer.Answer.Text.Trim()))
            {
                quotes.Add(answer);
            }
        }
        return quotes;
    }
}
