using SocialProtection.Bot.Workshop.Core.Exports;

namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>
/// A long-text question: every answer, in respondent order, the ideas they share, and how many of them said nothing
/// substantive (skip, ไม่มี, "-", …).
/// </summary>
internal sealed record TextQuestionSummary : QuestionSummary
{
    public required IReadOnlyList<TextAnswer> Answers { get; init; }

    /// <summary>Empty in summaries stored before ideas (schema version 1), which had themes instead.</summary>
    public IReadOnlyList<IdeaSummary> Ideas { get; init; } = [];

    /// <summary>Answers that name no topic at all: counted, listed with the answers, never an idea.</summary>
    public int NoSubstantiveAnswerCount { get; init; }

    public override IEnumerable<(Respondent Respondent, ExportCells Cells)> ExportRows() => Answers.Select(a => (a.Respondent, new ExportCells(a.Text)));
}
