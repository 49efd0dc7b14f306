using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>One problem of a question set: where (a JSON path such as <c>$.questions[2].text.en</c>) and what.</summary>
internal sealed record QuestionSetError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
