using System.Globalization;
using SocialProtection.Bot.Workshop.Core.Exports;

namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>A 1–5 rating: a count for each value, the mean (null with no answers) and each participant's rating.</summary>
internal sealed record RatingQuestionSummary : QuestionSummary
{
    public const int MinValue = 1;
    public const int MaxValue = 5;

    public required IReadOnlyList<RatingTally> Distribution { get; init; }

    /// <summary>Rounded to two decimals so the summary is the same on every machine.</summary>
    public required decimal? Mean { get; init; }

    public required IReadOnlyList<RatingAnswer> Answers { get; init; }

    public override IEnumerable<(Respondent Respondent, ExportCells Cells)> ExportRows() =>
        Answers.Select(a => (a.Respondent, new ExportCells(a.Value.ToString(CultureInfo.InvariantCulture))));
}
