using SocialProtection.Bot.Workshop.Core.Exports;

namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>
/// The commitments question: every commitment, by due date then owner. <see cref="QuestionSummary.AnswerCount"/> is
/// the number of participants who committed to something.
/// </summary>
internal sealed record CommitmentsQuestionSummary : QuestionSummary
{
    public required IReadOnlyList<CommitmentEntry> Commitments { get; init; }

    public override IEnumerable<(Respondent Respondent, ExportCells Cells)> ExportRows() =>
        Commitments.Select(c => (c.Owner, new ExportCells(c.Action, c.Organisation, ExportCells.BothEras(c.DueDate), ExportCells.Iso(c.DueDate))));
}
