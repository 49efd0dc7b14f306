namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>
/// The question kinds a question set may use, found by their JSON name: the built-in ones (<see cref="BuiltIn"/>), then
/// any other <see cref="QuestionKind"/> registered as a service (AddWorkshopBot composes them).
/// </summary>
internal sealed class QuestionKinds
{
    private readonly List<QuestionKind> _kinds = [];

    public QuestionKinds(IEnumerable<QuestionKind> kinds)
    {
        foreach (var kind in kinds)
        {
            if (Find(kind.Name) is not null)
            {
                throw new InvalidOperationException($"Two question kinds are named '{kind.Name}'; each needs its own name.");
            }
            _kinds.Add(kind);
        }
    }

    public static QuestionKinds BuiltIn { get; } = new([
        QuestionKind.LongText, QuestionKind.SingleChoice, QuestionKind.MultiChoice, QuestionKind.Rating, QuestionKind.Date, QuestionKind.Commitments]);

    public IReadOnlyList<QuestionKind> All => _kinds;

    /// <summary>"longText, singleChoice, …": the names in the order registered, for error messages.</summary>
    public string Names => string.Join(", ", _kinds.Select(k => k.Name));

    public QuestionKind? Find(string? name) => _kinds.FirstOrDefault(k => k.Name == name);
}
