using System.Text.Json.Serialization;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>
/// What a group said to one question. <see cref="AnswerCount"/> counts participants who answered (skips and empty
/// commitment lists are not answers). One subtype per shape a summary shows; each question kind summarises its
/// answers into one of them (<c>QuestionKind.Summarize</c>), so a new kind reuses the shapes, cards and reports.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "shape")]
[JsonDerivedType(typeof(TextQuestionSummary), "text")]
[JsonDerivedType(typeof(ChoiceQuestionSummary), "choice")]
[JsonDerivedType(typeof(RatingQuestionSummary), "rating")]
[JsonDerivedType(typeof(DateQuestionSummary), "date")]
[JsonDerivedType(typeof(CommitmentsQuestionSummary), "commitments")]
internal abstract record QuestionSummary
{
    public required string QuestionId { get; init; }

    /// <summary>The question kind's name ("longText").</summary>
    public required string Kind { get; init; }

    public required LocalizedText Text { get; init; }

    public required int AnswerCount { get; init; }

    /// <summary>Each answer as an export's cells (one per commitment), with who gave it, in the summary's order.</summary>
    public abstract IEnumerable<(Respondent Respondent, ExportCells Cells)> ExportRows();
}
