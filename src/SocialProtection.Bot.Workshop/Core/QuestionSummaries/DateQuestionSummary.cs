using SocialProtection.Bot.Workshop.Core.Exports;

namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>A date question: each date given, earliest first, with who gave it.</summary>
internal sealed record DateQuestionSummary : QuestionSummary
{
    public required IReadOnlyList<DateTally> Dates { get; init; }

    public override IEnumerable<(Respondent Respondent, ExportCells Cells)> ExportRows() =>
        Dates.SelectMany(d => d.Respondents.Select(r => (r, new ExportCells(ExportCells.BothEras(d.Date), DateIso: ExportCells.Iso(d.Date)))));
}
