using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// Answers turned into runs of word ids, grouped by participant. A run ends at punctuation, a line break, or a space
/// between two Thai words (Thai writes spaces between phrases, not words); a space next to Latin or a number is
/// only a word separator, so "mutual trust" and "การทำงานแบบ silo" stay one run.
/// </summary>
internal sealed class ThemeCorpus
{
    private readonly Dictionary<string, int> idsByText = new(StringComparer.Ordinal);
    private readonly List<string> texts = [];
    private readonly List<TokenKind> kinds = [];
    private readonly List<WordRole> roles = [];
    private readonly List<int> occurrences = [];
    private readonly Dictionary<int, Dictionary<string, int>> capitalisedSpellings = [];
    private readonly Dictionary<string, List<int[]>> runsByParticipant = new(StringComparer.Ordinal);

    private ThemeCorpus()
    {
    }

    public int WordCount => texts.Count;

    public IEnumerable<List<int[]>> RunsByParticipant => runsByParticipant.Values;

    public static ThemeCorpus Build(IEnumerable<ThemeInput> answers, CancellationToken cancellationToken)
    {
        var corpus = new ThemeCorpus();
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

            corpus.Add(answer.ParticipantKey, ThaiWordSegmenter.Segment(answer.Text));
        }

        return corpus;
    }

    public string Text(int word) => texts[word];

    public TokenKind Kind(int word) => kinds[word];

    public WordRole Role(int word) => roles[word];

    /// <summary>
    /// The spelling most often written, so "ILO" shows as written rather than as "ilo"; on a tie the lower-case form wins
    /// (capitals at the start of a sentence are not the word's own), then the ordinal first.
    /// </summary>
    public string PreferredSurface(int word)
    {
        if (!capitalisedSpellings.TryGetValue(word, out var spellings))
        {
            return texts[word];
        }

        var best = texts[word];
        var bestCount = occurrences[word] - spellings.Values.Sum();
        foreach (var (surface, count) in spellings)
        {
            if (count > bestCount || (count == bestCount && best != texts[word] && string.CompareOrdinal(surface, best) < 0))
            {
                best = surface;
                bestCount = count;
            }
        }

        return best;
    }

    private void Add(string participant, IReadOnlyList<WordToken> tokens)
    {
        if (!runsByParticipant.TryGetValue(participant, out var runs))
        {
            runs = [];
            runsByParticipant.Add(participant, runs);
        }

        var run = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var startsRun = token.Gap == TokenGap.Break
                || (token.Gap == TokenGap.Space && i > 0 && tokens[i - 1].Kind == TokenKind.Thai && token.Kind == TokenKind.Thai);
            if (startsRun && run.Count > 0)
            {
                runs.Add([.. run]);
                run.Clear();
            }

            run.Add(Intern(token));
        }

        if (run.Count > 0)
        {
            runs.Add([.. run]);
        }
    }

    private int Intern(WordToken token)
    {
        if (!idsByText.TryGetValue(token.Text, out var id))
        {
            id = texts.Count;
            idsByText.Add(token.Text, id);
            texts.Add(token.Text);
            kinds.Add(token.Kind);
            roles.Add(ThemeVocabulary.RoleOf(token));
            occurrences.Add(0);
        }

        occurrences[id]++;
        if (!string.Equals(token.Surface, token.Text, StringComparison.Ordinal))
        {
            if (!capitalisedSpellings.TryGetValue(id, out var spellings))
            {
                spellings = new Dictionary<string, int>(StringComparer.Ordinal);
                capitalisedSpellings.Add(id, spellings);
            }

            spellings[token.Surface] = spellings.GetValueOrDefault(token.Surface) + 1;
        }

        return id;
    }
}
