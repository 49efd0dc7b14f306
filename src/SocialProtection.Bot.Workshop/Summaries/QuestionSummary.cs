using System.Text.Json.Serialization;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>
/// What a group said to one question. <see cref="AnswerCount"/> counts participants who answered (skips and empty
/// commitment lists are not answers). One subtype per question kind.
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

    public required QuestionKind Kind { get; init; }

    public required LocalizedText Text { get; init; }

    public required int AnswerCount { get; init; }
}
