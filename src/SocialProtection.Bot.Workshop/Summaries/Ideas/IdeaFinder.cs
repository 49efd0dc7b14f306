namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>
/// Groups answers that say the same thing into ideas, as a facilitator would on the wall: answers are read into points
/// (<see cref="IdeaText"/>), points are compared on their topics (ICU words, compounds and the synonyms of
/// ThaiSynonyms.json, so อปท and องค์กรปกครองส่วนท้องถิ่น, งบ and งบประมาณ are one topic) and grouped by average linkage
/// (<see cref="IdeaScope"/>). An answer making two points can count for two ideas; an answer that names no topic at all
/// (skip, ไม่มีความเห็น, "-", emoji) is no substantive answer and never makes an idea. Pure, deterministic (the same
/// answers in any order give the same ideas) and thread-safe.
/// </summary>
internal static class IdeaFinder
{
    public static IdeaSet Find(IReadOnlyList<IdeaInput> answers, IdeaOptions? options = null, CancellationToken cancellationToken = default) =>
        Find(answers, [], options, cancellationToken);

    /// <param name="questionTexts">The question (in every language it was asked in): topics it names weigh less, since answers echo them.</param>
    public static IdeaSet Find(
        IReadOnlyList<IdeaInput> answers, IEnumerable<string> questionTexts, IdeaOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(questionTexts);
        options ??= IdeaOptions.Default;
        options.Validate();

        var corpus = new IdeaCorpus();
        foreach (var answer in answers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (answer is null)
            {
                throw new ArgumentException("The answers contain a null entry.", nameof(answers));
            }
            if (string.IsNullOrEmpty(answer.ParticipantKey))
            {
                throw new ArgumentException("Every answer needs a participant key.", nameof(answers));
            }
            if (answer.Text is null)
            {
                throw new ArgumentException("An answer's text is null.", nameof(answers));
            }
            corpus.Add(answer.ParticipantKey, answer.Text);
        }
        var echo = corpus.Echo(questionTexts);
        corpus.Freeze();
        return Find(corpus, Enumerable.Range(0, corpus.Count).ToArray(), echo, options, cancellationToken);
    }

    /// <summary>The ideas of some of a corpus's answers (<paramref name="texts"/>: their indices, in the order results refer to).</summary>
    internal static IdeaSet Find(IdeaCorpus corpus, IReadOnlyList<int> texts, IReadOnlySet<int> echo, IdeaOptions options, CancellationToken cancellationToken) =>
        new IdeaScope(corpus, texts, echo, options).Run(cancellationToken);
}
