using SocialProtection.Bot.Workshop.Core.Exports;

namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>
/// A single- or multiple-choice question: a count per option in the set's order (then any values the set no longer
/// offers), and each participant's choice.
/// </summary>
internal sealed record ChoiceQuestionSummary : QuestionSummary
{
    public required IReadOnlyList<ChoiceTally> Options { get; init; }

    public required IReadOnlyList<ChoiceAnswer> Answers { get; init; }

    public override IEnumerable<(Respondent Respondent, ExportCells Cells)> ExportRows()
    {
        var labels = Options.ToDictionary(o => o.Value, o => o.Known ? o.Label.Th : o.Value, StringComparer.Ordinal);
        return Answers.Select(a => (a.Respondent, new ExportCells(string.Join("; ", a.Values.Select(v => labels[v])))));
    }
}
