using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>The result of checking what a participant gave for a question: an answer to store, or why not.</summary>
internal abstract record AnswerCheck
{
    public sealed record Valid(Answer Answer) : AnswerCheck;

    public sealed record Invalid(Notice Error) : AnswerCheck;
}
