using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using SocialProtection.Bot.Workshop.Reports.Charts;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>
/// The report as one standalone, printable UTF-8 HTML page: no scripts, no external resources, a Thai font stack,
/// print rules that keep an answer on one page. Every piece of text is HTML-encoded (Thai left readable), so nothing
/// a participant wrote can become markup. The choice and rating results and the dot-vote rankings are also drawn as
/// charts (the Word report's, inline PNG), each with its numbers in a table.
/// </summary>
internal sealed class HtmlReportRenderer(TextCatalog? text = null, BarChartPainter? charts = null)
{
    // Thai letters stay as they are; markup characters, quotes and anything unsafe are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        :root { color-scheme: light; }
        body { font-family: "Sarabun", "TH Sarabun New", "Noto Sans Thai", "Noto Sans Thai UI", "Leelawadee UI", "Tahoma", "Thonburi", sans-serif;
               font-size: 16px; line-height: 1.6; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.7rem; margin-bottom: .2rem; }
        h2 { font-size: 1.35rem; border-bottom: 2px solid #2b5797; padding-bottom: .2rem; margin-top: 2rem; }
        h3 { font-size: 1.15rem; margin-top: 1.5rem; }
        h4 { font-size: 1.05rem; margin-bottom: .3rem; }
        h5 { font-size: 1rem; color: #2b5797; margin: 1rem 0 .3rem; }
        .meta { color: #555; margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eef2f8; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        ul.answers { list-style: none; padding-left: 0; }
        ul.answers li { margin: .4rem 0; padding-left: .6rem; border-left: 3px solid #c8d3e6; }
        .who { font-weight: bold; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; }
        .ideas { color: #333; }
        .ideas li { margin: .3rem 0; }
        .quote { display: block; color: #555; font-style: italic; white-space: pre-wrap; overflow-wrap: anywhere; }
        .muted { color: #666; }
        figure.chart { margin: .5rem 0 1rem; }
        figure.chart img { max-width: 100%; height: auto; display: block; }
        figure.chart figcaption { color: #555; font-size: .9rem; }
        @page { size: A4; margin: 18mm 16mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 12pt; }
          h2, h3, h4, h5 { break-after: avoid; }
          li, tr { break-inside: avoid; }
        }
        """;

    private readonly ReportWording _words = new(text ?? SummaryText.Default);
    private readonly BarChartPainter _charts = charts ?? new BarChartPainter();

    public ReportFile ToFile(WorkshopReport report) =>
        new(ReportWording.FileName(report, "html"), "text/html; charset=utf-8", BinaryData.FromString(Render(report)));

    public string Render(WorkshopReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"th\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(E(_words.Both(SummaryTextKeys.ReportTitle))).Append(" – ").Append(E(report.WorkshopTitle)).AppendLine("</title>");
        html.Append("<style>").Append(Style).AppendLine("</style>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");
        html.Append("<h1>").Append(E(_words.Both(SummaryTextKeys.ReportTitle))).AppendLine("</h1>");
        html.Append("<p class=\"meta\"><strong>").Append(E(report.WorkshopTitle)).AppendLine("</strong></p>");
        html.Append("<p class=\"meta\">").Append(E(_words.GeneratedAt(report.GeneratedAt))).AppendLine("</p>");

        Overview(html, report);
        html.Append("<h2>").Append(E(_words.Heading("2.", SummaryTextKeys.ReportObservations))).AppendLine("</h2>");
        Topics(html, report.Observations, "2.");
        html.Append("<h2>").Append(E(_words.Heading("3.", SummaryTextKeys.ReportRecommendations))).AppendLine("</h2>");
        html.Append("<h3>").Append(E(_words.Heading("3.1", SummaryTextKeys.ReportStrategy))).AppendLine("</h3>");
        Topics(html, report.StrategyRecommendations, "3.1.");
        html.Append("<h3>").Append(E(_words.Heading("3.2", SummaryTextKeys.ReportMechanisms))).AppendLine("</h3>");
        Topics(html, report.MechanismRecommendations, "3.2.");
        Leverage(html, report);
        Commitments(html, report);
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static string E(string value) => Encoder.Encode(UnsafeCharacters.Remove(value));

    private void Overview(StringBuilder html, WorkshopReport report)
    {
        html.Append("<h2>").Append(E(_words.Heading("1.", SummaryTextKeys.ReportOverview))).AppendLine("</h2>");
        html.AppendLine("<ul>");
        html.Append("<li>").Append(E(_words.Both(SummaryTextKeys.ReportWorkshop))).Append(": ").Append(E(report.WorkshopTitle)).AppendLine("</li>");
        html.Append("<li>").Append(E(_words.Both(SummaryTextKeys.ReportDate))).Append(": ").Append(E(ReportWording.Date(report.WorkshopDate)))
            .Append(" <span class=\"muted\">(").Append(E(ReportWording.DateEnglish(report.WorkshopDate))).AppendLine(")</span></li>");
        html.Append("<li>").Append(E(_words.Both(SummaryTextKeys.ReportGroups))).Append(": ").Append(ReportWording.Number(report.Overview.Count)).AppendLine("</li>");
        html.AppendLine("</ul>");
        html.AppendLine("<table>");
        html.Append("<thead><tr><th>").Append(E(_words.Both(SummaryTextKeys.ReportGroup)))
            .Append("</th><th>").Append(E(_words.Both(SummaryTextKeys.ReportParticipants)))
            .Append("</th><th>").Append(E(_words.Both(SummaryTextKeys.ReportRespondents)))
            .Append("</th><th>").Append(E(_words.Both(SummaryTextKeys.ReportSubmitted)))
            .Append("</th><th>").Append(E(_words.Both(SummaryTextKeys.ReportAnswers))).AppendLine("</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var group in report.Overview)
        {
            Row(html, "<td>" + E(ReportWording.Group(group.GroupId, group.GroupName)) + "</td>", group);
        }
        Row(html, "<th>" + E(_words.Both(SummaryTextKeys.ReportTotal)) + "</th>", report.Totals);
        html.AppendLine("</tbody></table>");
        if (report.Ideas.Count > 0)
        {
            html.Append("<h4>").Append(E(_words.Both(SummaryTextKeys.ReportIdeasAcross))).AppendLine("</h4>");
            Ideas(html, report.Ideas);
        }
        foreach (var distribution in ReportDistributions.Of(report))
        {
            Distribution(html, distribution);
        }
    }

    private void Distribution(StringBuilder html, QuestionDistribution distribution)
    {
        html.Append("<h4>").Append(E(distribution.Question.Th)).Append("<br><span class=\"muted\">").Append(E(distribution.Question.En)).AppendLine("</span></h4>");
        var bars = ReportChartBars.Distribution(distribution, Language.Thai);
        if (bars.Any(b => b.Value > 0) && _charts.Paint(bars, ReportWording.Number) is { } image)
        {
            ChartHtml.AppendFigure(html, image, bars, distribution.Question.Th, E);
        }
        html.AppendLine("<table>");
        html.Append("<thead><tr><th>").Append(E(_words.Both(SummaryTextKeys.ReportAnswer)))
            .Append("</th><th>").Append(E(_words.Both(SummaryTextKeys.ReportParticipants))).AppendLine("</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var row in distribution.Rows)
        {
            html.Append("<tr><td>").Append(E(row.Label.Th == row.Label.En ? row.Label.Th : row.Label.Th + " / " + row.Label.En))
                .Append("</td><td class=\"n\">").Append(ReportWording.Number(row.Count)).AppendLine("</td></tr>");
        }
        html.AppendLine("</tbody></table>");
    }

    private static void Row(StringBuilder html, string nameCell, GroupOverview group) =>
        html.Append("<tr>").Append(nameCell)
            .Append("<td class=\"n\">").Append(ReportWording.Number(group.Participants))
            .Append("</td><td class=\"n\">").Append(ReportWording.Number(group.Respondents))
            .Append("</td><td class=\"n\">").Append(ReportWording.Number(group.Submitted))
            .Append("</td><td class=\"n\">").Append(ReportWording.Number(group.Answers)).AppendLine("</td></tr>");

    /// <summary>Each idea: its label, how many people, and its representative answer as a quote.</summary>
    private void Ideas(StringBuilder html, IReadOnlyList<IdeaSummary> ideas)
    {
        html.AppendLine("<ul class=\"ideas\">");
        foreach (var idea in ideas)
        {
            html.Append("<li><strong>").Append(E(idea.Label)).Append("</strong> <span class=\"muted\">(")
                .Append(E(_words.Both(SummaryTextKeys.ReportPeople, idea.ParticipantCount))).Append(")</span>");
            if (idea.Quotes.Count > 0)
            {
                html.Append("<span class=\"quote\">“").Append(E(idea.Quotes[0].Text)).Append("”</span>");
            }
            html.AppendLine("</li>");
        }
        html.AppendLine("</ul>");
    }

    private void Topics(StringBuilder html, IReadOnlyList<ReportTopic> topics, string number)
    {
        if (topics.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(E(_words.Both(SummaryTextKeys.ReportNoAnswers))).AppendLine("</p>");
            return;
        }
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            html.Append("<h4>").Append(E(number + ReportWording.Number(i + 1) + " " + topic.Question.Th))
                .Append("<br><span class=\"muted\">").Append(E(topic.Question.En)).AppendLine("</span></h4>");
            if (topic.IdeasAcrossGroups.Count > 0)
            {
                html.Append("<p><strong>").Append(E(_words.Both(SummaryTextKeys.ReportIdeasAcross))).AppendLine("</strong></p>");
                Ideas(html, topic.IdeasAcrossGroups);
            }
            foreach (var group in topic.Groups)
            {
                html.Append("<h5>").Append(E(_words.Both(SummaryTextKeys.ReportGroup) + ": " + ReportWording.Group(group.GroupId, group.GroupName))).AppendLine("</h5>");
                if (group.Answers.Count == 0)
                {
                    html.Append("<p class=\"muted\">").Append(E(_words.Both(SummaryTextKeys.ReportNoAnswers))).AppendLine("</p>");
                    continue;
                }
                if (group.Ideas.Count > 0)
                {
                    html.Append("<p class=\"ideas\"><em>").Append(E(_words.Both(SummaryTextKeys.ReportIdeas))).AppendLine(":</em></p>");
                    Ideas(html, group.Ideas);
                }
                if (group.NoSubstantiveAnswerCount > 0)
                {
                    html.Append("<p class=\"muted\">").Append(E(_words.Both(SummaryTextKeys.ReportNoSubstantive, group.NoSubstantiveAnswerCount))).AppendLine("</p>");
                }
                html.AppendLine("<ul class=\"answers\">");
                foreach (var answer in group.Answers)
                {
                    html.Append("<li><span class=\"who\">").Append(E(_words.Respondent(answer.Respondent))).Append(":</span> <span class=\"text\">")
                        .Append(E(answer.Text.ReplaceLineEndings("\n"))).AppendLine("</span></li>");
                }
                html.AppendLine("</ul>");
            }
        }
    }

    private void Leverage(StringBuilder html, WorkshopReport report)
    {
        html.Append("<h2>").Append(E(_words.Heading("4.", SummaryTextKeys.ReportLeverage))).AppendLine("</h2>");
        foreach (var group in report.LeveragePoints)
        {
            html.Append("<h3>").Append(E(_words.Both(SummaryTextKeys.ReportGroup) + ": " + ReportWording.Group(group.GroupId, group.GroupName))).AppendLine("</h3>");
            if (group.Points.Count == 0)
            {
                html.Append("<p class=\"muted\">").Append(E(_words.Both(SummaryTextKeys.ReportNoAnswers))).AppendLine("</p>");
                continue;
            }
            if (!group.Voted)
            {
                html.Append("<p class=\"muted\">").Append(E(_words.Both(SummaryTextKeys.ReportNoVote))).AppendLine("</p>");
            }
            else if (ReportChartBars.Ranking(group) is { Count: > 0 } bars && _charts.Paint(bars, ReportWording.Number) is { } image)
            {
                ChartHtml.AppendFigure(html, image, bars, _words.Both(SummaryTextKeys.ReportDots) + " – " + ReportWording.Group(group.GroupId, group.GroupName), E);
            }
            html.AppendLine("<table>");
            html.Append("<thead><tr><th>").Append(E(_words.Both(SummaryTextKeys.ReportCandidate)))
                .Append("</th><th>").Append(E(_words.Both(SummaryTextKeys.ReportRaisedBy)))
                .Append("</th><th>").Append(E(_words.Both(SummaryTextKeys.ReportDots))).AppendLine("</th></tr></thead>");
            html.AppendLine("<tbody>");
            foreach (var point in group.Points)
            {
                var raisedBy = point.ProposedBy is { } by ? _words.Respondent(by) : _words.Both(SummaryTextKeys.ReportPeople, point.ParticipantCount);
                html.Append("<tr><td class=\"text\">").Append(E(point.Text))
                    .Append(point.Quote is { } quote ? "<span class=\"quote\">“" + E(quote) + "”</span>" : "")
                    .Append("</td><td>").Append(E(raisedBy))
                    .Append("</td><td class=\"n\">").Append(point.Dots is { } dots ? ReportWording.Number(dots) : "–").AppendLine("</td></tr>");
            }
            html.AppendLine("</tbody></table>");
        }
    }

    private void Commitments(StringBuilder html, WorkshopReport report)
    {
        html.Append("<h2>").Append(E(_words.Heading("5.", SummaryTextKeys.ReportCommitments))).AppendLine("</h2>");
        if (report.Commitments.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(E(_words.Both(SummaryTextKeys.ReportNoAnswers))).AppendLine("</p>");
            return;
        }
        html.AppendLine("<table>");
        html.Append("<thead><tr><th>").Append(E(_words.Both(SummaryTextKeys.ReportAction)))
            .Append("</th><th>").Append(E(_words.Both(SummaryTextKeys.ReportOrganisation)))
            .Append("</th><th>").Append(E(_words.Both(SummaryTextKeys.ReportOwner)))
            .Append("</th><th>").Append(E(_words.Both(SummaryTextKeys.ReportGroup)))
            .Append("</th><th>").Append(E(_words.Both(SummaryTextKeys.ReportDue))).AppendLine("</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var c in report.Commitments)
        {
            html.Append("<tr><td class=\"text\">").Append(E(c.Action))
                .Append("</td><td>").Append(E(c.Organisation))
                .Append("</td><td>").Append(E(_words.Respondent(c.Owner)))
                .Append("</td><td>").Append(E(ReportWording.Group(c.GroupId, c.GroupName)))
                .Append("</td><td>").Append(E(ReportWording.Date(c.DueDate))).AppendLine("</td></tr>");
        }
        html.AppendLine("</tbody></table>");
    }
}
