namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>
/// The question kinds a question set may use, found by their JSON name: the built-in ones (<see cref="BuiltIn"/>), then
/// any other <see cref="QuestionKind"/> registered as a service (AddWorkshopBot composes them).
/// </summary>
internal sealed class QuestionKinds
{
    public QuestionKinds(IEnumerable<QuestionKind> kinds)
    {
        All = [.. kinds];
        if (All.GroupBy(k => k.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Two question kinds are named '{twice.Key}'; each needs its own name.");
        }
    }

    public static QuestionKinds BuiltIn { get; } = new([
        QuestionKind.LongText, QuestionKind.SingleChoice, QuestionKind.MultiChoice, QuestionKind.Rating, QuestionKind.Date, QuestionKind.Commitments]);

    public IReadOnlyList<QuestionKind> All { get; }

    /// <summary>"longText, singleChoice, …": the names in the order registered, for error messages.</summary>
    public string Names => string.Join(", ", All.Select(k => k.Name));

    public QuestionKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);
}
