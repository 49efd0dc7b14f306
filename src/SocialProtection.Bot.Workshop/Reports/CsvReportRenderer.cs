using System.Text;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Exports;

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
                foreach (var (who, cells) in question.ExportRows())
                {
                    Row(csv, group.GroupId!, groupName, _words.Respondent(who), question.QuestionId, question.Text.Th, question.Kind,
                        cells.Answer, cells.Organisation, cells.Due, cells.DateIso);
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
