using System.Text;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>
/// The report as Markdown (CommonMark with pipe tables), headings Thai first then English. Every piece of user text
/// is escaped (<see cref="MarkdownText"/>), so answers show as written and nothing in them becomes a link or markup.
/// </summary>
internal sealed class MarkdownReportRenderer(TextCatalog? text = null)
{
    private readonly ReportWording _words = new(text ?? SummaryText.Default);

    public ReportFile ToFile(WorkshopReport report) =>
        new(ReportWording.FileName(report, "md"), "text/markdown; charset=utf-8", BinaryData.FromString(Render(report)));

    public string Render(WorkshopReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(_words.Both(SummaryTextKeys.ReportTitle));
        md.AppendLine();
        md.Append("**").Append(MarkdownText.Inline(report.WorkshopTitle)).AppendLine("**");
        md.AppendLine();
        md.AppendLine(MarkdownText.Inline(_words.GeneratedAt(report.GeneratedAt)));
        md.AppendLine();

        Overview(md, report);
        md.Append("## ").AppendLine(_words.Heading("2.", SummaryTextKeys.ReportObservations)).AppendLine();
        Topics(md, report.Observations, "2.");
        md.Append("## ").AppendLine(_words.Heading("3.", SummaryTextKeys.ReportRecommendations)).AppendLine();
        md.Append("### ").AppendLine(_words.Heading("3.1", SummaryTextKeys.ReportStrategy)).AppendLine();
        Topics(md, report.StrategyRecommendations, "3.1.");
        md.Append("### ").AppendLine(_words.Heading("3.2", SummaryTextKeys.ReportMechanisms)).AppendLine();
        Topics(md, report.MechanismRecommendations, "3.2.");
        Leverage(md, report);
        Commitments(md, report);
        return md.ToString();
    }

    private void Overview(StringBuilder md, WorkshopReport report)
    {
        md.Append("## ").AppendLine(_words.Heading("1.", SummaryTextKeys.ReportOverview)).AppendLine();
        md.Append("- ").Append(_words.Both(SummaryTextKeys.ReportWorkshop)).Append(": ").AppendLine(MarkdownText.Inline(report.WorkshopTitle));
        md.Append("- ").Append(_words.Both(SummaryTextKeys.ReportDate)).Append(": ").AppendLine(MarkdownText.Inline(ReportWording.Date(report.WorkshopDate)));
        md.Append("- ").Append(_words.Both(SummaryTextKeys.ReportGroups)).Append(": ").AppendLine(ReportWording.Number(report.Overview.Count));
        md.AppendLine();
        md.Append("| ").Append(_words.Both(SummaryTextKeys.ReportGroup))
            .Append(" | ").Append(_words.Both(SummaryTextKeys.ReportParticipants))
            .Append(" | ").Append(_words.Both(SummaryTextKeys.ReportRespondents))
            .Append(" | ").Append(_words.Both(SummaryTextKeys.ReportSubmitted))
            .Append(" | ").Append(_words.Both(SummaryTextKeys.ReportAnswers)).AppendLine(" |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var group in report.Overview)
        {
            Row(md, MarkdownText.Inline(ReportWording.Group(group.GroupId, group.GroupName)), group);
        }
        Row(md, "**" + _words.Both(SummaryTextKeys.ReportTotal) + "**", report.Totals);
        md.AppendLine();
        if (report.Ideas.Count > 0)
        {
            md.Append("**").Append(_words.Both(SummaryTextKeys.ReportIdeasAcross)).AppendLine("**").AppendLine();
            Ideas(md, report.Ideas);
        }
    }

    private static void Row(StringBuilder md, string name, GroupOverview group) =>
        md.Append("| ").Append(name)
            .Append(" | ").Append(ReportWording.Number(group.Participants))
            .Append(" | ").Append(ReportWording.Number(group.Respondents))
            .Append(" | ").Append(ReportWording.Number(group.Submitted))
            .Append(" | ").Append(ReportWording.Number(group.Answers)).AppendLine(" |");

    private void Topics(StringBuilder md, IReadOnlyList<ReportTopic> topics, string number)
    {
        if (topics.Count == 0)
        {
            md.AppendLine(_words.Both(SummaryTextKeys.ReportNoAnswers)).AppendLine();
            return;
        }
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            md.Append("#### ").Append(number).Append(ReportWording.Number(i + 1)).Append(' ')
                .Append(MarkdownText.Inline(topic.Question.Th)).Append(" / ").AppendLine(MarkdownText.Inline(topic.Question.En)).AppendLine();
            if (topic.IdeasAcrossGroups.Count > 0)
            {
                md.Append("**").Append(_words.Both(SummaryTextKeys.ReportIdeasAcross)).AppendLine("**").AppendLine();
                Ideas(md, topic.IdeasAcrossGroups);
            }
            foreach (var group in topic.Groups)
            {
                md.Append("##### ").Append(_words.Both(SummaryTextKeys.ReportGroup)).Append(": ")
                    .AppendLine(MarkdownText.Inline(ReportWording.Group(group.GroupId, group.GroupName))).AppendLine();
                if (group.Answers.Count == 0)
                {
                    md.AppendLine(_words.Both(SummaryTextKeys.ReportNoAnswers)).AppendLine();
                    continue;
                }
                if (group.Ideas.Count > 0)
                {
                    md.Append('*').Append(_words.Both(SummaryTextKeys.ReportIdeas)).AppendLine(":*").AppendLine();
                    Ideas(md, group.Ideas);
                }
                if (group.NoSubstantiveAnswerCount > 0)
                {
                    md.Append('*').Append(MarkdownText.Inline(_words.Both(SummaryTextKeys.ReportNoSubstantive, group.NoSubstantiveAnswerCount))).AppendLine("*").AppendLine();
                }
                foreach (var answer in group.Answers)
                {
                    md.Append("- **").Append(MarkdownText.Inline(_words.Respondent(answer.Respondent))).Append(":** ")
                        .AppendLine(MarkdownText.Block(answer.Text));
                }
                md.AppendLine();
            }
        }
    }

    /// <summary>Each idea: its label, how many people, and its representative answer as a quote.</summary>
    private void Ideas(StringBuilder md, IReadOnlyList<IdeaSummary> ideas)
    {
        foreach (var idea in ideas)
        {
            md.Append("- **").Append(MarkdownText.Inline(idea.Label)).Append("** (")
                .Append(MarkdownText.Inline(_words.Both(SummaryTextKeys.ReportPeople, idea.ParticipantCount))).Append(')');
            if (idea.Quotes.Count > 0)
            {
                md.Append(": “").Append(MarkdownText.Inline(idea.Quotes[0].Text)).Append('”');
            }
            md.AppendLine();
        }
        md.AppendLine();
    }

    private void Leverage(StringBuilder md, WorkshopReport report)
    {
        md.Append("## ").AppendLine(_words.Heading("4.", SummaryTextKeys.ReportLeverage)).AppendLine();
        foreach (var group in report.LeveragePoints)
        {
            md.Append("### ").Append(_words.Both(SummaryTextKeys.ReportGroup)).Append(": ")
                .AppendLine(MarkdownText.Inline(ReportWording.Group(group.GroupId, group.GroupName))).AppendLine();
            if (group.Points.Count == 0)
            {
                md.AppendLine(_words.Both(SummaryTextKeys.ReportNoAnswers)).AppendLine();
                continue;
            }
            if (!group.Voted)
            {
                md.AppendLine(_words.Both(SummaryTextKeys.ReportNoVote)).AppendLine();
            }
            md.Append("| ").Append(_words.Both(SummaryTextKeys.ReportCandidate))
                .Append(" | ").Append(_words.Both(SummaryTextKeys.ReportRaisedBy))
                .Append(" | ").Append(_words.Both(SummaryTextKeys.ReportDots)).AppendLine(" |");
            md.AppendLine("|---|---|---:|");
            foreach (var point in group.Points)
            {
                md.Append("| ").Append(MarkdownText.Inline(point.Text))
                    .Append(point.Quote is { } quote ? " — “" + MarkdownText.Inline(quote) + "”" : "")
                    .Append(" | ").Append(MarkdownText.Inline(RaisedBy(point)))
                    .Append(" | ").Append(point.Dots is { } dots ? ReportWording.Number(dots) : "–").AppendLine(" |");
            }
            md.AppendLine();
        }
    }

    private string RaisedBy(LeveragePoint point) => point.ProposedBy is { } by
        ? _words.Respondent(by)
        : _words.Both(SummaryTextKeys.ReportPeople, point.ParticipantCount);

    private void Commitments(StringBuilder md, WorkshopReport report)
    {
        md.Append("## ").AppendLine(_words.Heading("5.", SummaryTextKeys.ReportCommitments)).AppendLine();
        if (report.Commitments.Count == 0)
        {
            md.AppendLine(_words.Both(SummaryTextKeys.ReportNoAnswers));
            return;
        }
        md.Append("| ").Append(_words.Both(SummaryTextKeys.ReportAction))
            .Append(" | ").Append(_words.Both(SummaryTextKeys.ReportOrganisation))
            .Append(" | ").Append(_words.Both(SummaryTextKeys.ReportOwner))
            .Append(" | ").Append(_words.Both(SummaryTextKeys.ReportGroup))
            .Append(" | ").Append(_words.Both(SummaryTextKeys.ReportDue)).AppendLine(" |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var c in report.Commitments)
        {
            md.Append("| ").Append(MarkdownText.Inline(c.Action))
                .Append(" | ").Append(MarkdownText.Inline(c.Organisation))
                .Append(" | ").Append(MarkdownText.Inline(_words.Respondent(c.Owner)))
                .Append(" | ").Append(MarkdownText.Inline(ReportWording.Group(c.GroupId, c.GroupName)))
                .Append(" | ").Append(MarkdownText.Inline(ReportWording.Date(c.DueDate))).AppendLine(" |");
        }
    }
}
