using DocumentFormat.OpenXml.Wordprocessing;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Reports.Charts;
using SocialProtection.Bot.Workshop.Summaries;
using static SocialProtection.Bot.Workshop.Reports.Docx.ReportDocumentTextKeys;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// What the Word report says, in the shape of the workshop's own summary report: a title block; ๑ overview
/// (participation, the choice and rating results with charts); ๒ observations (ข้อสังเกต) as numbered ideas with
/// people counts and quotes; ๓ recommendations (ข้อเสนอแนะ) → ๓.๑ policy (เชิงนโยบาย) → ๓.๑.๑ strategy
/// (ด้านยุทธศาสตร์) and ๓.๑.๒ driving mechanisms (ด้านกลไกการขับเคลื่อน) as items ๑) ๒) …; ๔ leverage points ranked
/// by dots; ๕ commitments as a table; an appendix with every answer by question and group.
/// </summary>
internal sealed class DocxReportContent(WorkshopReport report, DocxWords words, DocxBody body, DocxNumbering numbering, BarChartPainter charts)
{
    private const int QuoteLength = 280;
    private const int FallbackAnswers = 10;

    private int _charts;
    private int _tables;

    public void Write()
    {
        TitleBlock();
        if (report.Totals.Answers == 0)
        {
            body.Paragraph(words.Doc(NoAnswersYet), justification: JustificationValues.Center);
            return;
        }
        Overview();
        Observations();
        Recommendations();
        LeveragePoints();
        Commitments();
        Appendix();
    }

    private void TitleBlock()
    {
        body.Paragraph(words.Summary(SummaryTextKeys.ReportTitle), DocxStyles.Title);
        body.Paragraph(report.WorkshopTitle, DocxStyles.Subtitle);
        body.Paragraph(words.Doc(DateLine, words.Date(report.WorkshopDate)), justification: JustificationValues.Center);
        var groups = string.Join(", ", report.Overview.Select(g => DocxWords.Group(g.GroupId, g.GroupName)));
        body.Paragraph(words.Doc(GroupsLine, words.Number(report.Overview.Count), groups), justification: JustificationValues.Center);
        var totals = report.Totals;
        body.Paragraph(
            words.Doc(PeopleLine, words.Number(totals.Participants), words.Number(totals.Respondents), words.Number(totals.Submitted), words.Number(totals.Answers)),
            justification: JustificationValues.Center);
        body.Paragraph(words.Summary(SummaryTextKeys.ReportGeneratedAt, words.DateTime(report.GeneratedAt)), DocxStyles.Caption, JustificationValues.Center);
    }

    private void Overview()
    {
        body.Heading(1, words.Section(1) + " " + words.Summary(SummaryTextKeys.ReportOverview));
        body.Heading(2, words.Section(1, 1) + " " + words.Doc(Participation));
        TableCaption(words.Doc(Participation));
        body.Table(
            [
                new(words.Summary(SummaryTextKeys.ReportGroup), 5),
                new(words.Summary(SummaryTextKeys.ReportParticipants), 5, Numeric: true),
                new(words.Summary(SummaryTextKeys.ReportRespondents), 5, Numeric: true),
                new(words.Summary(SummaryTextKeys.ReportSubmitted), 5, Numeric: true),
                new(words.Summary(SummaryTextKeys.ReportAnswers), 5, Numeric: true),
            ],
            report.Overview.Select(g => Counts(DocxWords.Group(g.GroupId, g.GroupName), g))
                .Append(Counts(words.Summary(SummaryTextKeys.ReportTotal), report.Totals)),
            lastRowBold: true);
        var ideas = ReportIdeas.Of(report);
        if (ideas.Count > 0)
        {
            body.Paragraph(words.Summary(SummaryTextKeys.ReportIdeasAcross), bold: true);
            var list = numbering.NewList();
            foreach (var idea in ideas)
            {
                body.Item(list, idea.Label, words.Doc(IdeaPeople, words.Number(idea.PeopleCount)));
            }
        }

        var distributions = ReportDistributions.Of(report);
        for (var i = 0; i < distributions.Count; i++)
        {
            if (i == 0)
            {
                body.Heading(2, words.Section(1, 2) + " " + words.Doc(Results));
            }
            Distribution(distributions[i]);
        }
    }

    private List<string> Counts(string name, GroupOverview g) =>
        [name, words.Number(g.Participants), words.Number(g.Respondents), words.Number(g.Submitted), words.Number(g.Answers)];

    private void Distribution(QuestionDistribution distribution)
    {
        var question = words.In(distribution.Question);
        body.Paragraph(question, bold: true, keepNext: true);
        var rating = distribution.IsRating;
        var labels = distribution.Rows.Select(r => rating ? words.Number(int.Parse(r.Label.En, System.Globalization.CultureInfo.InvariantCulture)) : words.In(r.Label)).ToList();
        if (distribution.Rows.Any(r => r.Count > 0))
        {
            Chart(question, [.. distribution.Rows.Select((r, i) => new ChartBar(labels[i], r.Count))]);
        }
        if (distribution.Mean is { } mean)
        {
            body.Paragraph(words.Doc(Mean, words.Decimal(mean, "0.00"), words.Number(distribution.Respondents), words.Number(RatingQuestionSummary.MaxValue)));
        }
        TableCaption(question);
        body.Table(
            [
                new(words.Doc(rating ? Rating : Option), 6),
                new(words.Doc(Count), 2, Numeric: true),
                new(words.Doc(Share), 2, Numeric: true),
            ],
            distribution.Rows.Select((r, i) => (IReadOnlyList<string>)
            [
                labels[i],
                words.Number(r.Count),
                distribution.Respondents == 0 ? "–" : words.Decimal(Math.Round(100m * r.Count / distribution.Respondents, 1, MidpointRounding.AwayFromZero), "0.0"),
            ]));
    }

    private void Observations()
    {
        body.Heading(1, words.Section(2) + " " + words.Summary(SummaryTextKeys.ReportObservations));
        if (report.Observations.Count == 0)
        {
            body.Paragraph(words.Summary(SummaryTextKeys.ReportNoAnswers));
            return;
        }
        for (var i = 0; i < report.Observations.Count; i++)
        {
            var topic = report.Observations[i];
            body.Heading(2, words.Section(2, i + 1) + " " + words.In(topic.Question));
            Ideas(topic, numbering.NewList());
            foreach (var group in topic.Groups)
            {
                var ideas = ReportIdeas.Of(group);
                if (ideas.Count > 0)
                {
                    var list = string.Join(", ", ideas.Select(t => t.Label + " " + words.Doc(IdeaPeople, words.Number(t.PeopleCount))));
                    body.Paragraph(words.Doc(GroupIdeas, DocxWords.Group(group.GroupId, group.GroupName), list), DocxStyles.Caption);
                }
            }
        }
    }

    private void Recommendations()
    {
        body.Heading(1, words.Section(3) + " " + words.Summary(SummaryTextKeys.ReportRecommendations));
        body.Heading(2, words.Section(3, 1) + " " + words.Doc(Policy));
        body.Heading(3, words.Section(3, 1, 1) + " " + words.Summary(SummaryTextKeys.ReportStrategy));
        Recommendations(report.StrategyRecommendations);
        body.Heading(3, words.Section(3, 1, 2) + " " + words.Summary(SummaryTextKeys.ReportMechanisms));
        Recommendations(report.MechanismRecommendations);
    }

    private void Recommendations(IReadOnlyList<ReportTopic> topics)
    {
        if (topics.Count == 0)
        {
            body.Paragraph(words.Summary(SummaryTextKeys.ReportNoAnswers));
            return;
        }
        // One list per subsection: its items run on from one question to the next, as in the ministry's report.
        var list = numbering.NewList();
        foreach (var topic in topics)
        {
            body.Paragraph(words.Doc(FromQuestion, words.In(topic.Question)), DocxStyles.Caption);
            Ideas(topic, list);
        }
    }

    /// <summary>A topic's ideas as items with their people and quotes; with no idea yet, its first answers as the items.</summary>
    private void Ideas(ReportTopic topic, int list)
    {
        var ideas = ReportIdeas.Across(topic);
        if (ideas.Count > 0)
        {
            foreach (var idea in ideas)
            {
                body.Item(list, idea.Label, words.Doc(IdeaPeople, words.Number(idea.PeopleCount)));
                foreach (var quote in idea.Quotes)
                {
                    body.Quote(Core.Text.CardText.Truncate(DocxSafeText.Clean(quote.Answer.Text), QuoteLength), Attribution(quote.Answer.Respondent, quote.GroupId, quote.GroupName));
                }
            }
            return;
        }
        var answers = topic.Groups.SelectMany(g => g.Answers.Select(a => (Group: g, Answer: a))).ToList();
        if (answers.Count == 0)
        {
            body.Paragraph(words.Doc(NoTopicAnswers));
            return;
        }
        body.Paragraph(words.Doc(NoIdeas));
        foreach (var (group, answer) in answers.Take(FallbackAnswers))
        {
            body.Item(list, Core.Text.CardText.Truncate(DocxSafeText.Clean(answer.Text), QuoteLength), "— " + Attribution(answer.Respondent, group.GroupId, group.GroupName), bold: false);
        }
    }

    private string Attribution(Respondent respondent, string groupId, string? groupName) =>
        words.Respondent(respondent) + ", " + DocxWords.Group(groupId, groupName);

    private void LeveragePoints()
    {
        body.Heading(1, words.Section(4) + " " + words.Summary(SummaryTextKeys.ReportLeverage));
        for (var i = 0; i < report.LeveragePoints.Count; i++)
        {
            var group = report.LeveragePoints[i];
            var name = DocxWords.Group(group.GroupId, group.GroupName);
            body.Heading(2, words.Section(4, i + 1) + " " + words.GroupTitle(group.GroupId, group.GroupName));
            if (group.Points.Count == 0)
            {
                body.Paragraph(words.Summary(SummaryTextKeys.ReportNoAnswers));
                continue;
            }
            if (group.Voted)
            {
                body.Paragraph(words.Doc(Voters, words.Number(group.Voters)), keepNext: true);
                Chart(words.Doc(RankingChart, name), ReportChartBars.Ranking(group));
            }
            else
            {
                body.Paragraph(words.Summary(SummaryTextKeys.ReportNoVote));
            }
            TableCaption(words.Summary(SummaryTextKeys.ReportLeverage) + " " + name);
            body.Table(
                [
                    new(words.Doc(group.Voted ? Rank : Number), 1, Numeric: true),
                    new(words.Summary(SummaryTextKeys.ReportCandidate), 7),
                    new(words.Summary(SummaryTextKeys.ReportRaisedBy), 3),
                    new(words.Summary(SummaryTextKeys.ReportDots), 1, Numeric: true),
                ],
                group.Points.Select((p, index) => (IReadOnlyList<string>)
                [
                    words.Number(index + 1),
                    p.Text,
                    p.ProposedBy is { } by ? words.Respondent(by) : words.Summary(SummaryTextKeys.ReportPeople, words.Number(p.ParticipantCount)),
                    p.Dots is { } dots ? words.Number(dots) : "–",
                ]));
        }
    }

    private void Commitments()
    {
        body.Heading(1, words.Section(5) + " " + words.Summary(SummaryTextKeys.ReportCommitments));
        if (report.Commitments.Count == 0)
        {
            body.Paragraph(words.Summary(SummaryTextKeys.ReportNoAnswers));
            return;
        }
        TableCaption(words.Summary(SummaryTextKeys.ReportCommitments));
        body.Table(
            [
                new(words.Doc(Number), 2, Numeric: true),
                new(words.Doc(Who), 10),
                new(words.Doc(What), 14),
                new(words.Doc(ByWhen), 7),
                new(words.Summary(SummaryTextKeys.ReportGroup), 5),
            ],
            report.Commitments.Select((c, index) => (IReadOnlyList<string>)
            [
                words.Number(index + 1),
                words.Respondent(c.Owner) + "\n" + c.Organisation,
                c.Action,
                words.ShortDate(c.DueDate),
                DocxWords.Group(c.GroupId, c.GroupName),
            ]));
    }

    private void Appendix()
    {
        body.PageBreak();
        body.Heading(1, words.Doc(ReportDocumentTextKeys.Appendix));
        body.Paragraph(words.Doc(report.Visibility == AnswerVisibility.Named ? AppendixNoteNamed : AppendixNoteAnonymous), DocxStyles.Caption);
        var questions = report.Groups.SelectMany(g => g.Questions).Select(q => (q.QuestionId, q.Text)).DistinctBy(q => q.QuestionId).ToList();
        for (var i = 0; i < questions.Count; i++)
        {
            body.Heading(2, words.Number(i + 1) + ". " + words.In(questions[i].Text));
            foreach (var group in report.Groups)
            {
                if (group.Questions.FirstOrDefault(q => q.QuestionId == questions[i].QuestionId) is not { } question)
                {
                    continue;
                }
                body.Heading(3, words.GroupTitle(group.GroupId!, group.GroupName));
                var any = false;
                foreach (var (who, answer) in Answers(question))
                {
                    body.Labelled(words.Respondent(who), answer);
                    any = true;
                }
                if (!any)
                {
                    body.Paragraph(words.Summary(SummaryTextKeys.ReportNoAnswers));
                }
            }
        }
    }

    private IEnumerable<(Respondent Who, string Answer)> Answers(QuestionSummary question)
    {
        switch (question)
        {
            case TextQuestionSummary text:
                return text.Answers.Select(a => (a.Respondent, a.Text));
            case ChoiceQuestionSummary choice:
                var labels = choice.Options.ToDictionary(o => o.Value, o => o.Known ? words.In(o.Label) : o.Value, StringComparer.Ordinal);
                return choice.Answers.Select(a => (a.Respondent, string.Join(", ", a.Values.Select(v => labels.GetValueOrDefault(v, v)))));
            case RatingQuestionSummary rating:
                return rating.Answers.Select(a => (a.Respondent, words.Number(a.Value)));
            case DateQuestionSummary date:
                return date.Dates.SelectMany(d => d.Respondents.Select(r => (r, words.Date(d.Date))));
            case CommitmentsQuestionSummary commitments:
                return commitments.Commitments.Select(c => (c.Owner, c.Action + " (" + c.Organisation + ", " + words.Date(c.DueDate) + ")"));
            default:
                return [];
        }
    }

    private void Chart(string title, IReadOnlyList<ChartBar> bars)
    {
        if (bars.Count == 0 || charts.Paint(bars, words.Number) is not { } image)
        {
            return; // no native Skia here: the table below carries the numbers
        }
        _charts++;
        var data = string.Join("; ", bars.Select(b => b.Label + " " + words.Number(b.Value)));
        body.Chart(image, words.Doc(ChartAlt, title, data), words.Doc(ChartCaption, words.Number(_charts)) + " " + title);
    }

    private void TableCaption(string title)
    {
        _tables++;
        body.Paragraph(words.Doc(ReportDocumentTextKeys.TableCaption, words.Number(_tables)) + " " + title, DocxStyles.Caption);
    }
}
