using System.Globalization;
using System.Text;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>
/// Every answer of the workshop as CSV, one row per answer (one per commitment), groups in report order, questions in
/// set order, respondents in summary order. UTF-8 with a byte-order mark so Excel opens Thai correctly, CRLF line ends,
/// RFC 4180 quoting and a formula-injection guard (<see cref="CsvCell"/>). Names appear only in named workshops.
/// </summary>
internal sealed class CsvReportRenderer(TextCatalog? text = null)
{
    private readonly ReportWording _words = new(text ?? SummaryText.Default);

    public ReportFile ToFile(WorkshopReport report) =>
        new(ReportWording.FileName(report, "csv"), "text/csv; charset=utf-8", new BinaryData(Render(report)));

    /// <summary>The file's bytes, byte-order mark first.</summary>
    public byte[] Render(WorkshopReport report)
    {
        var text = RenderText(report);
        var preamble = Encoding.UTF8.GetPreamble();
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(text)];
        preamble.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, preamble.Length);
        return bytes;
    }

    /// <summary>The CSV text, without the byte-order mark.</summary>
    public string RenderText(WorkshopReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        Row(csv,
            _words.Both(SummaryTextKeys.ReportGroupId),
            _words.Both(SummaryTextKeys.ReportGroup),
            _words.Both(SummaryTextKeys.ReportRespondent),
            _words.Both(SummaryTextKeys.ReportQuestionId),
            _words.Both(SummaryTextKeys.ReportQuestion),
            _words.Both(SummaryTextKeys.ReportKind),
            _words.Both(SummaryTextKeys.ReportAnswer),
            _words.Both(SummaryTextKeys.ReportOrganisation),
            _words.Both(SummaryTextKeys.ReportDue),
            _words.Both(SummaryTextKeys.ReportDateIso));
        foreach (var group in report.Groups)
        {
            var groupName = ReportWording.Group(group.GroupId!, group.GroupName);
            foreach (var question in group.Questions)
            {
                void Answer(Respondent who, string answer, string organisation = "", string due = "", string iso = "") =>
                    Row(csv, group.GroupId!, groupName, _words.Respondent(who), question.QuestionId, question.Text.Th, question.Kind, answer, organisation, due, iso);

                switch (question)
                {
                    case TextQuestionSummary text:
                        foreach (var a in text.Answers)
                        {
                            Answer(a.Respondent, a.Text);
                        }
                        break;
                    case ChoiceQuestionSummary choice:
                        var labels = choice.Options.ToDictionary(o => o.Value, o => o.Known ? o.Label.Th : o.Value, StringComparer.Ordinal);
                        foreach (var a in choice.Answers)
                        {
                            Answer(a.Respondent, string.Join("; ", a.Values.Select(v => labels[v])));
                        }
                        break;
                    case RatingQuestionSummary rating:
                        foreach (var a in rating.Answers)
                        {
                            Answer(a.Respondent, a.Value.ToString(CultureInfo.InvariantCulture));
                        }
                        break;
                    case DateQuestionSummary date:
                        foreach (var tally in date.Dates)
                        {
                            foreach (var who in tally.Respondents)
                            {
                                Answer(who, ReportWording.Date(tally.Date), iso: ExportCells.Iso(tally.Date));
                            }
                        }
                        break;
                    case CommitmentsQuestionSummary commitments:
                        foreach (var c in commitments.Commitments)
                        {
                            Answer(c.Owner, c.Action, c.Organisation, ReportWording.Date(c.DueDate), ExportCells.Iso(c.DueDate));
                        }
                        break;
                }
            }
        }
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }
            CsvCell.Append(csv, cells[i]);
        }
        csv.Append("\r\n");
    }
}
