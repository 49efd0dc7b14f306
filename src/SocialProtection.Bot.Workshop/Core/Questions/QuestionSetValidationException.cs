using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>A question set was refused; <see cref="Errors"/> lists every problem found, each with its JSON path.</summary>
internal sealed class QuestionSetValidationException : Exception
{
    public QuestionSetValidationException(string source, IReadOnlyList<QuestionSetError> errors)
        : base(FormatMessage(source, errors))
    {
        SetName = source;
        Errors = errors;
    }

    /// <summary>Where the set came from (a file path or "default").</summary>
    public string SetName { get; }

    public IReadOnlyList<QuestionSetError> Errors { get; }

    private static string FormatMessage(string source, IReadOnlyList<QuestionSetError> errors) =>
        $"The question set '{source}' is not valid ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):"
        + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
}
