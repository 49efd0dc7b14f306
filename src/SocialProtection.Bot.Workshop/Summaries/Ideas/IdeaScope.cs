using SocialProtection.Bot.Workshop.Text;

namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>
/// Finds the ideas of one selection of answers (one question, or the whole group) in a frozen <see cref="IdeaCorpus"/>:
/// <list type="number">
/// <item>each point becomes a vector of its topics, weighted by how rare each is among the participants here
/// (ln(1 + N/df)); a topic only one person names counts half, a modifier (แห่งชาติ) half, topics the question itself
/// names a third, a wider concept half;</item>
/// <item>points naming the same topics are one item, weighted by how many people wrote them; the
/// <see cref="MaxClusteredItems"/> most shared items are grouped by average linkage (<see cref="IdeaClustering"/>), any
/// others join the group they are most like, if like enough, so the cost stays linear in the answers;</item>
/// <item>a group written by at least <see cref="IdeaOptions.MinParticipants"/> people is an idea, labelled with the
/// phrase of its most central points that covers the topics most of its people share; ideas whose labels are the same,
/// or that share a topic and the very same people, are one idea;</item>
/// <item>ideas are ranked by people, then by how rare their label's topics are, then by label.</item>
/// </list>
/// Everything is ordered by content (vocabulary ranks, participant keys, texts), never by arrival, so the same
/// answers in any order give the same ideas.
/// </summary>
internal sealed class IdeaScope
{
    /// <summary>Beyond this many distinct kinds of point, the rarest join the groups the common ones formed.</summary>
    public const int MaxClusteredItems = 1_500;

    private const double EchoWeight = 0.35;

    // A topic only one person names cannot be shared; at full weight it would only hide what their point shares with others.
    private const double UniqueWeight = 0.5;
    private const double BroaderWeight = 0.5;

    // "แห่งชาติ" in วาระแห่งชาติ and คณะกรรมการแห่งชาติ says little about which idea it qualifies.
    private const double ModifierWeight = 0.5;
    private const int LabelSourceUnits = 40;
    private const int CandidatesPerTopic = 64;
    private const int TopicsToMatch = 3;

    private readonly IdeaCorpus _corpus;
    private readonly IReadOnlyList<int> _texts;
    private readonly IReadOnlySet<int> _echo;
    private readonly IdeaOptions _options;
    private readonly IdeaVocabulary _vocabulary;
    private readonly Dictionary<int, int> _personRank = [];
    private readonly Dictionary<int, double> _weights = [];
    private readonly HashSet<int> _modifiers = [];

    public IdeaScope(IdeaCorpus corpus, IReadOnlyList<int> texts, IReadOnlySet<int> echo, IdeaOptions options)
    {
        _corpus = corpus;
        _texts = texts;
        _echo = echo;
        _options = options;
        _vocabulary = corpus.Vocabulary;
    }

    public IdeaSet Run(CancellationToken cancellationToken)
    {
        var noSubstantive = new List<int>();
        var pointIdeas = new int[_texts.Count][];
        var order = new List<int>();
        for (var input = 0; input < _texts.Count; input++)
        {
            var units = _corpus[_texts[input]].Units;
            pointIdeas[input] = new int[units.Length];
            Array.Fill(pointIdeas[input], -1);
            if (units.Length == 0)
            {
                noSubstantive.Add(input);
            }
            else
            {
                order.Add(input);
            }
        }
        if (order.Count == 0)
        {
            return new IdeaSet([], noSubstantive, pointIdeas);
        }

        // Inputs grouped by person, people in order of their keys: counting a person once per topic needs them together.
        var people = order.Select(Person).Distinct().OrderBy(p => _corpus.PersonKey(p), StringComparer.Ordinal).ToList();
        for (var rank = 0; rank < people.Count; rank++)
        {
            _personRank[people[rank]] = rank;
        }
        order.Sort((x, y) => _personRank[Person(x)] != _personRank[Person(y)]
            ? _personRank[Person(x)].CompareTo(_personRank[Person(y)])
            : x.CompareTo(y));

        Weigh(order, people.Count);
        var items = Items(order, cancellationToken);
        var groups = Group(items, cancellationToken);

        var drafts = groups
            .Select(group => Describe(group, cancellationToken))
            .Where(draft => draft is not null && draft.People.Length >= _options.MinParticipants)
            .Select(draft => draft!)
            .ToList();
        drafts = MergeOverlapping(drafts, cancellationToken);

        var ranked = drafts
            .OrderByDescending(d => d.People.Length)
            .ThenByDescending(d => d.Distinctiveness)
            .ThenBy(d => d.Label, StringComparer.Ordinal)
            .Take(_options.MaxIdeas)
            .ToList();
        var ideas = new List<Idea>(ranked.Count);
        for (var index = 0; index < ranked.Count; index++)
        {
            foreach (var item in ranked[index].Items)
            {
                foreach (var point in item.Points)
                {
                    pointIdeas[point.Input][point.Unit] = index;
                }
            }
            ideas.Add(new Idea(ranked[index].Label, ranked[index].People.Length, ranked[index].Quotes, ranked[index].Answers));
        }
        return new IdeaSet(ideas, noSubstantive, pointIdeas);
    }

    private int Person(int input) => _corpus.PersonOf(_texts[input]);

    private IdeaText TextOf(int input) => _corpus[_texts[input]];

    /// <summary>Each topic's weight: ln(1 + N/df) over the people here, less for topics the question names.</summary>
    private void Weigh(List<int> order, int peopleCount)
    {
        var frequency = new Dictionary<int, int>();
        var lastPerson = new Dictionary<int, int>();
        foreach (var input in order)
        {
            var person = Person(input);
            var text = TextOf(input);
            foreach (var word in text.Words)
            {
                if (word.Modifier && word.Feature >= 0)
                {
                    _modifiers.Add(word.Feature);
                }
            }
            foreach (var unit in text.Units)
            {
                foreach (var feature in unit.Features)
                {
                    Count(feature);
                    foreach (var broader in _vocabulary.BroaderOf(feature))
                    {
                        Count(broader);
                    }
                }
            }

            void Count(int feature)
            {
                if (lastPerson.GetValueOrDefault(feature, -1) != person)
                {
                    lastPerson[feature] = person;
                    frequency[feature] = frequency.GetValueOrDefault(feature) + 1;
                }
            }
        }
        foreach (var (feature, count) in frequency)
        {
            _weights[feature] = Math.Log(1 + (double)peopleCount / count)
                * (count == 1 ? UniqueWeight : 1)
                * (_echo.Contains(feature) ? EchoWeight : 1)
                * (_modifiers.Contains(feature) ? ModifierWeight : 1);
        }
    }

    /// <summary>Points with the same topics become one item; items ordered by people, then by their topics.</summary>
    private List<Item> Items(List<int> order, CancellationToken cancellationToken)
    {
        var items = new Dictionary<int[], Item>(SignatureComparer.Instance);
        foreach (var input in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var person = Person(input);
            var units = TextOf(input).Units;
            for (var u = 0; u < units.Length; u++)
            {
                var signature = units[u].Features.Select(_vocabulary.Rank).Order().ToArray();
                if (!items.TryGetValue(signature, out var item))
                {
                    item = new Item(signature, Vector(units[u].Features));
                    items.Add(signature, item);
                }
                item.Add(new Point(input, u, person));
            }
        }
        var list = items.Values.ToList();
        list.Sort((x, y) => x.People != y.People ? y.People.CompareTo(x.People) : SignatureComparer.Compare(x.Signature, y.Signature));
        return list;
    }

    private SparseVector Vector(int[] features)
    {
        var values = new Dictionary<int, double>();
        foreach (var feature in features)
        {
            Put(feature, _weights[feature]);
            foreach (var broader in _vocabulary.BroaderOf(feature))
            {
                Put(broader, BroaderWeight * _weights[broader]);
            }
        }
        var ids = values.Keys.Order().ToArray();
        var norm = Math.Sqrt(ids.Sum(id => values[id] * values[id]));
        return new SparseVector(ids, ids.Select(id => values[id] / norm).ToArray());

        void Put(int feature, double weight)
        {
            var rank = _vocabulary.Rank(feature);
            values[rank] = Math.Max(values.GetValueOrDefault(rank), weight);
        }
    }

    /// <summary>Average-linkage groups of the most shared items; the rest join the group they are most like.</summary>
    private List<List<Item>> Group(List<Item> items, CancellationToken cancellationToken)
    {
        var clustered = items.Take(MaxClusteredItems).ToList();
        var roots = IdeaClustering.Cluster(
            clustered.Select(i => i.Vector).ToList(), clustered.Select(i => (double)i.People).ToList(), _options.Similarity, cancellationToken);
        var groups = new List<List<Item>>();
        var groupOfRoot = new Dictionary<int, int>();
        for (var i = 0; i < clustered.Count; i++)
        {
            if (!groupOfRoot.TryGetValue(roots[i], out var group))
            {
                group = groups.Count;
                groupOfRoot.Add(roots[i], group);
                groups.Add([]);
            }
            groups[group].Add(clustered[i]);
        }
        if (items.Count <= MaxClusteredItems)
        {
            return groups;
        }

        // Group centres, indexed by each topic they hold, the heaviest groups first in each list.
        var centres = groups.Select(Centre).ToList();
        var byTopic = new Dictionary<int, List<int>>();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var topic in centres[g].Keys)
            {
                if (!byTopic.TryGetValue(topic, out var list))
                {
                    byTopic[topic] = list = [];
                }
                if (list.Count < CandidatesPerTopic)
                {
                    list.Add(g);
                }
            }
        }
        foreach (var item in items.Skip(MaxClusteredItems))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var best = -1;
            var bestSimilarity = _options.Similarity;
            var strongest = Enumerable.Range(0, item.Vector.Ids.Length)
                .OrderByDescending(k => item.Vector.Values[k])
                .ThenBy(k => item.Vector.Ids[k])
                .Take(TopicsToMatch);
            foreach (var k in strongest)
            {
                if (!byTopic.TryGetValue(item.Vector.Ids[k], out var candidates))
                {
                    continue;
                }
                foreach (var g in candidates)
                {
                    var similarity = item.Vector.Dot(centres[g]);
                    if (similarity > bestSimilarity || (similarity == bestSimilarity && g < best))
                    {
                        bestSimilarity = similarity;
                        best = g;
                    }
                }
            }
            if (best >= 0)
            {
                groups[best].Add(item);
            }
            else
            {
                groups.Add([item]);
            }
        }
        return groups;
    }

    /// <summary>The people-weighted mean of a group's item vectors (its similarity to an item is their average linkage).</summary>
    private static Dictionary<int, double> Centre(List<Item> group)
    {
        var centre = new Dictionary<int, double>();
        double total = group.Sum(i => i.People);
        foreach (var item in group)
        {
            for (var k = 0; k < item.Vector.Ids.Length; k++)
            {
                centre[item.Vector.Ids[k]] = centre.GetValueOrDefault(item.Vector.Ids[k]) + item.People * item.Vector.Values[k] / total;
            }
        }
        return centre;
    }

    /// <summary>Label, people, quotes and answers of a group; null when it holds too few people to be an idea.</summary>
    private Draft? Describe(List<Item> group, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var people = group.SelectMany(i => i.Points).Select(p => p.Person).Distinct().OrderBy(p => _personRank[p]).ToArray();
        if (people.Length < _options.MinParticipants)
        {
            return null;
        }

        var centre = Centre(group);
        var points = group
            .SelectMany(item => item.Points.Select(point => (Point: point, Centrality: item.Vector.Dot(centre))))
            .ToList();
        points.Sort((x, y) => CompareCentral(x.Point, x.Centrality, y.Point, y.Centrality));

        var label = Label(points.Take(LabelSourceUnits).Select(p => p.Point).ToList(), points.Select(p => p.Point), people.Length);
        var quotes = new List<IdeaExcerpt>(2);
        var quoted = new HashSet<int>();
        foreach (var (point, _) in points)
        {
            if (quotes.Count == 2)
            {
                break;
            }
            var text = TextOf(point.Input);
            var excerpt = IdeaExcerpts.Of(text, text.Units[point.Unit], _options.QuoteLength);
            if (quoted.Add(point.Person) && excerpt != label.Text && quotes.TrueForAll(q => q.Text != excerpt))
            {
                quotes.Add(new IdeaExcerpt(point.Input, excerpt));
            }
        }

        // Each answer once, shown around its most central point.
        var answers = new Dictionary<int, IdeaExcerpt>();
        foreach (var (point, _) in points)
        {
            if (!answers.ContainsKey(point.Input))
            {
                var text = TextOf(point.Input);
                answers.Add(point.Input, new IdeaExcerpt(point.Input, IdeaExcerpts.Of(text, text.Units[point.Unit], _options.ExcerptLength)));
            }
        }

        return new Draft(
            group,
            people,
            label.Text,
            label.Key,
            label.Topics,
            label.Topics.Count == 0 ? 0 : label.Topics.Average(t => _weights.GetValueOrDefault(t)),
            quotes,
            answers.Keys.Order().Select(input => answers[input]).ToList());
    }

    // The most central first; ties by the person's key, then the answer's text, then the point's place in it.
    private int CompareCentral(Point x, double xCentrality, Point y, double yCentrality)
    {
        if (xCentrality != yCentrality)
        {
            return yCentrality.CompareTo(xCentrality);
        }
        if (x.Person != y.Person)
        {
            return _personRank[x.Person].CompareTo(_personRank[y.Person]);
        }
        var byText = string.CompareOrdinal(TextOf(x.Input).Text, TextOf(y.Input).Text);
        return byText != 0 ? byText : x.Unit.CompareTo(y.Unit);
    }

    /// <summary>
    /// The best label among phrases of the most central points: a span of whole words that starts on a topic, an action,
    /// a frame or a nominalizer (never on a modifier such as แห่งชาติ, never just after a nominalizer it belongs to) and
    /// ends on a topic, within the length
    /// limits. A topic shared by at least two people and most of the group adds its share, any other topic subtracts;
    /// every other word costs a little, so the label says what the people share and no more. A label that starts and ends
    /// on shared words comes first (an unshared edge is a detail, or a piece of a word ICU split), then one whose shared
    /// topics are in the script most of the group wrote in (Thai, usually), then one without a known misspelling; ties
    /// go to the wording most
    /// people used verbatim, then the longer, then ordinal order.
    /// </summary>
    private LabelChoice Label(List<Point> sources, IEnumerable<Point> all, int peopleCount)
    {
        var thaiWriters = new HashSet<int>();
        // Which keys can appear in a label: only those are counted over all the group's points. An action or a frame
        // counts only with the very word that follows it (เพิ่ม|งบประมาณ), since it may only lead a label.
        var support = new Dictionary<int, int>();
        var leads = new Dictionary<(int Key, int Next), int>();
        foreach (var point in sources)
        {
            var text = TextOf(point.Input);
            var unit = text.Units[point.Unit];
            for (var w = unit.FirstWord; w <= unit.LastWord; w++)
            {
                support[SupportKey(text.Words[w])] = 0;
                if (w < unit.LastWord && text.Words[w].Class is IdeaWordClass.Action or IdeaWordClass.Frame)
                {
                    leads[(text.Words[w].Key, SupportKey(text.Words[w + 1]))] = 0;
                }
            }
        }
        var counted = new HashSet<(int Person, int Key)>();
        var countedLeads = new HashSet<(int Person, int Key, int Next)>();
        foreach (var point in all)
        {
            var text = TextOf(point.Input);
            var unit = text.Units[point.Unit];
            for (var w = unit.FirstWord; w <= unit.LastWord; w++)
            {
                var key = SupportKey(text.Words[w]);
                if (support.TryGetValue(key, out var count) && counted.Add((point.Person, key)))
                {
                    support[key] = count + 1;
                }
                if (w < unit.LastWord && leads.TryGetValue((text.Words[w].Key, SupportKey(text.Words[w + 1])), out var led)
                    && countedLeads.Add((point.Person, text.Words[w].Key, SupportKey(text.Words[w + 1]))))
                {
                    leads[(text.Words[w].Key, SupportKey(text.Words[w + 1]))] = led + 1;
                }
                if (text.Words[w].Class == IdeaWordClass.Topic && text.Words[w].FirstKind == TokenKind.Thai)
                {
                    thaiWriters.Add(point.Person);
                }
            }
        }

        var thaiMajority = 2 * thaiWriters.Count >= peopleCount;
        var candidates = new Dictionary<string, LabelCandidate>(StringComparer.Ordinal);
        foreach (var point in sources)
        {
            var text = TextOf(point.Input);
            var unit = text.Units[point.Unit];
            var words = text.Words;
            for (var start = unit.FirstWord; start <= unit.LastWord; start++)
            {
                if (!MayStart(words, start, unit.FirstWord))
                {
                    continue;
                }
                var score = 0.0;
                var shared = false;
                var thai = false;
                var misspelled = false;
                var sharedStart = false;
                var topics = new List<int>();
                for (var end = start; end <= unit.LastWord && end - start < _options.MaxLabelWords; end++)
                {
                    var word = words[end];
                    var people = word.Class is IdeaWordClass.Action or IdeaWordClass.Frame
                        ? (end == start && end < unit.LastWord ? leads.GetValueOrDefault((word.Key, SupportKey(words[end + 1]))) : 0)
                        : support[SupportKey(word)];
                    var share = (double)people / peopleCount;
                    var isShared = people >= 2 && share > 0.5;
                    thai |= isShared && word.Class == IdeaWordClass.Topic && word.FirstKind == TokenKind.Thai;
                    misspelled |= word.Misspelled;
                    if (end == start)
                    {
                        sharedStart = isShared || word.Class == IdeaWordClass.Nominalizer;
                    }
                    switch (word.Class)
                    {
                        case IdeaWordClass.Topic when topics.Contains(word.Feature):
                            score -= 0.05;
                            break;
                        case IdeaWordClass.Topic:
                            topics.Add(word.Feature);
                            score += isShared ? share : -0.3;
                            shared |= isShared;
                            break;
                        case IdeaWordClass.Action or IdeaWordClass.Frame when end == start:
                            score += isShared ? 0.5 * share : -0.15;
                            break;
                        case IdeaWordClass.Nominalizer when end == start:
                            score += 0.01;
                            break;
                        default:
                            score -= 0.05;
                            break;
                    }
                    if (word.Class != IdeaWordClass.Topic)
                    {
                        continue;
                    }
                    var span = IdeaExcerpts.Collapse(text.Span(start, end));
                    if (span.Length > _options.MaxLabelLength && end > start)
                    {
                        break;
                    }
                    var key = string.Join(',', Enumerable.Range(start, end - start + 1).Select(w => SupportKey(words[w])));
                    if (!candidates.TryGetValue(span, out var candidate))
                    {
                        candidates[span] = candidate = new LabelCandidate(span, key, [.. topics], score, shared, sharedStart && isShared, thai == thaiMajority, misspelled, []);
                    }
                    candidate.People.Add(point.Person);
                }
            }
        }

        var best = candidates.Values
            .OrderByDescending(c => c.SharesTopic)
            .ThenByDescending(c => c.SharedEdges)
            .ThenByDescending(c => c.InGroupScript)
            .ThenBy(c => c.Misspelled)
            .ThenByDescending(c => Math.Round(c.Score, 9))
            .ThenByDescending(c => c.People.Count)
            .ThenByDescending(c => c.Text.Length)
            .ThenBy(c => c.Text, StringComparer.Ordinal)
            .First();
        return new LabelChoice(best.Text, best.Key, best.Topics);
    }

    private static int SupportKey(IdeaWord word) => word.Class == IdeaWordClass.Topic ? word.Feature : word.Key;

    private static bool MayStart(IdeaWord[] words, int start, int unitStart)
    {
        if (words[start].Class is not (IdeaWordClass.Topic or IdeaWordClass.Action or IdeaWordClass.Frame or IdeaWordClass.Nominalizer)
            || words[start].Modifier)
        {
            return false;
        }
        // Never just after a nominalizer or prefix the word is written onto (การ|คุ้มครอง, ผู้|รับ): that would cut a word.
        return start == unitStart || words[start - 1].Class != IdeaWordClass.Nominalizer || words[start - 1].End != words[start].Start;
    }

    /// <summary>Ideas that are one: the same label, or a shared topic among the very same people.</summary>
    private List<Draft> MergeOverlapping(List<Draft> drafts, CancellationToken cancellationToken)
    {
        var sorted = drafts.OrderByDescending(d => d.People.Length).ThenBy(d => d.Label, StringComparer.Ordinal).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < sorted.Count && !changed; i++)
            {
                for (var j = i + 1; j < sorted.Count && !changed; j++)
                {
                    if (!SameIdea(sorted[i], sorted[j]))
                    {
                        continue;
                    }
                    var merged = Describe([.. sorted[i].Items, .. sorted[j].Items], cancellationToken)!;
                    sorted.RemoveAt(j);
                    sorted[i] = merged;
                    sorted = sorted.OrderByDescending(d => d.People.Length).ThenBy(d => d.Label, StringComparer.Ordinal).ToList();
                    changed = true;
                }
            }
        }
        return sorted;
    }

    private static bool SameIdea(Draft a, Draft b) =>
        a.Label == b.Label
        || a.LabelKey == b.LabelKey
        || (a.People.AsSpan().SequenceEqual(b.People) && a.LabelTopics.Exists(b.LabelTopics.Contains));

    private readonly record struct Point(int Input, int Unit, int Person);

    private sealed class Item(int[] signature, SparseVector vector)
    {
        private readonly List<Point> _points = [];
        private int _lastPerson = -1;

        public int[] Signature { get; } = signature;

        public SparseVector Vector { get; } = vector;

        public IReadOnlyList<Point> Points => _points;

        /// <summary>Distinct people (points arrive grouped by person).</summary>
        public int People { get; private set; }

        public void Add(Point point)
        {
            _points.Add(point);
            if (point.Person != _lastPerson)
            {
                _lastPerson = point.Person;
                People++;
            }
        }
    }

    private sealed record Draft(
        List<Item> Items,
        int[] People,
        string Label,
        string LabelKey,
        List<int> LabelTopics,
        double Distinctiveness,
        IReadOnlyList<IdeaExcerpt> Quotes,
        IReadOnlyList<IdeaExcerpt> Answers);

    private sealed record LabelCandidate(
        string Text, string Key, List<int> Topics, double Score, bool SharesTopic, bool SharedEdges, bool InGroupScript, bool Misspelled, HashSet<int> People);

    private readonly record struct LabelChoice(string Text, string Key, List<int> Topics);

    private sealed class SignatureComparer : IEqualityComparer<int[]>
    {
        public static SignatureComparer Instance { get; } = new();

        public static int Compare(int[] x, int[] y)
        {
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }
            return x.Length.CompareTo(y.Length);
        }

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            foreach (var value in obj)
            {
                hash.Add(value);
            }
            return hash.ToHashCode();
        }
    }
}
