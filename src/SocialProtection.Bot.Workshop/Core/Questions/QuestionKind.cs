using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>What a question asks for; named in question-set JSON in camelCase ("longText").</summary>
internal enum QuestionKind
{
    LongText,
    SingleChoice,
    MultiChoice,

    /// <summary>A whole number from 1 to 5.</summary>
    Rating,

    Date,

    /// <summary>A list of the participant's own commitments: action, responsible organisation, due date.</summary>
    Commitments,
}
