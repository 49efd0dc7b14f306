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
        return [.. topic.ThemesAcrossGroups.Select(t => new ReportIdea(t.Phrase, t.ParticipantCount, Quotes(t.Phrase, answers)))];
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

    private static List<ReportQuote> Quotes(string phrase, List<ReportQuote> answers) =>
        [.. answers
            .Where(a => a.Answer.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(a => (a.GroupId, a.Answer.Respondent.Number))
            .Take(QuotesPerIdea)];
}
