namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>
/// The words of one summary as ids, each word interned once however many answers use it. Once every answer is in,
/// <see cref="Freeze"/> ranks the words in ordinal order: everything compared or sorted uses ranks, never ids, since
/// ids follow the order answers arrived in and the same answers in any order must give the same ideas.
/// </summary>
internal sealed class IdeaVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];
    private readonly Dictionary<int, int[]> _broader = [];
    private readonly HashSet<int> _modifiers = [];
    private int[]? _ranks;

    public int Count => _texts.Count;

    public int Intern(string text)
    {
        if (_ranks is not null)
        {
            throw new InvalidOperationException("The vocabulary is frozen.");
        }
        if (!_ids.TryGetValue(text, out var id))
        {
            id = _texts.Count;
            _ids.Add(text, id);
            _texts.Add(text);
        }
        return id;
    }

    public bool TryGet(string text, out int id) => _ids.TryGetValue(text, out id);

    public string Text(int id) => _texts[id];

    /// <summary>Records the wider concepts of a topic (once; every word of that concept has the same).</summary>
    public void SetBroader(int feature, string[] broader)
    {
        if (broader.Length > 0 && !_broader.ContainsKey(feature))
        {
            _broader.Add(feature, broader.Select(Intern).ToArray());
        }
    }

    public int[] BroaderOf(int feature) => _broader.TryGetValue(feature, out var broader) ? broader : [];

    /// <summary>Records that a topic qualifies the word before it (แห่งชาติ, กลาง).</summary>
    public void SetModifier(int feature) => _modifiers.Add(feature);

    public bool IsModifier(int feature) => _modifiers.Contains(feature);

    /// <summary>The word's place in ordinal order of all words (after <see cref="Freeze"/>).</summary>
    public int Rank(int id) => (_ranks ?? throw new InvalidOperationException("The vocabulary is not frozen yet."))[id];

    public void Freeze()
    {
        if (_ranks is not null)
        {
            return;
        }
        var order = Enumerable.Range(0, _texts.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(_texts[a], _texts[b]));
        var ranks = new int[_texts.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            ranks[order[rank]] = rank;
        }
        _ranks = ranks;
    }
}
