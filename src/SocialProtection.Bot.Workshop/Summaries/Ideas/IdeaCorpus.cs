namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>
/// Every answer of a summary read once (<see cref="IdeaText"/>), with who wrote it, so ideas per question and across
/// the group come from one reading of each answer. Add every answer and every question text first, then
/// <see cref="Freeze"/>, then find ideas over any selection of the answers.
/// </summary>
internal sealed class IdeaCorpus
{
    private readonly List<IdeaText> _texts = [];
    private readonly List<int> _people = [];
    private readonly Dictionary<string, int> _personIds = new(StringComparer.Ordinal);
    private readonly List<string> _personKeys = [];
    private readonly PhraseSegmenter _segmenter = new();

    public IdeaVocabulary Vocabulary { get; } = new();

    public int Count => _texts.Count;

    public int PersonCount => _personKeys.Count;

    public IdeaText this[int text] => _texts[text];

    /// <summary>Reads an answer; returns its index.</summary>
    public int Add(string participantKey, string text)
    {
        if (!_personIds.TryGetValue(participantKey, out var person))
        {
            person = _personKeys.Count;
            _personIds.Add(participantKey, person);
            _personKeys.Add(participantKey);
        }
        _texts.Add(IdeaText.Analyze(text, Vocabulary, _segmenter));
        _people.Add(person);
        return _texts.Count - 1;
    }

    /// <summary>The topics of a question's own text: answers that echo the question share them without sharing an idea.</summary>
    public IReadOnlySet<int> Echo(IEnumerable<string> questionTexts)
    {
        var features = new HashSet<int>();
        foreach (var text in questionTexts)
        {
            foreach (var unit in IdeaText.Analyze(text, Vocabulary).Units)
            {
                features.UnionWith(unit.Features);
            }
        }
        return features;
    }

    public int PersonOf(int text) => _people[text];

    public string PersonKey(int person) => _personKeys[person];

    public void Freeze()
    {
        Vocabulary.Freeze();
        foreach (var text in _texts)
        {
            foreach (var unit in text.Units)
            {
                var signature = new int[unit.Features.Length];
                for (var i = 0; i < signature.Length; i++)
                {
                    signature[i] = Vocabulary.Rank(unit.Features[i]);
                }
                Array.Sort(signature);
                unit.Signature = signature;
            }
        }
    }
}
