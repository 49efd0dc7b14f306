namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>
/// A single- or multiple-choice question: a count per option in the set's order (then any values the set no longer
/// offers), and each participant's choice.
/// </summary>
internal sealed record ChoiceQuestionSummary : QuestionSummary
{
    public required IReadOnlyList<ChoiceTally> Options { get; init; }

    public required IReadOnlyList<ChoiceAnswer> Answers { get; init; }
}
