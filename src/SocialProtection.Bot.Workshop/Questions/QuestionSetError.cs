namespace SocialProtection.Bot.Workshop.Questions;

/// <summary>One problem of a question set: where (a JSON path such as <c>$.questions[2].text.en</c>) and what.</summary>
public sealed record QuestionSetError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
