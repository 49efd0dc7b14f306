
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
/// or that have the very same people and share a topic or sit side by side in each of their answers, are one idea;</item>
/// <item>ideas are ranked by people, then by how rare their label's topics are, then by label.</item>
/// </list>
/// Everything is ordered by content (vocabulary ranks, participant keys, texts), never by arrival, so the same
/// answers in any order give the same ideas. Work and memory are linear in the answers' words.
/// </summary>
internal sealed class IdeaScope
{
    /// <summary>Beyond this many distinct kinds of point, the rarest join the groups the common ones formed.</summary>
    public const int MaxClusteredItems = 1_500;

    private const double EchoWeight = 0.35;
    private const double BroaderWeight = 0.5;

    // A topic only one person names cannot be shared; at full weight it would only hide what their point shares with others.
    private const double UniqueWeight = 0.5;

    // "แห่งชาติ" in วาระแห่งชาติ and คณะกรรมการแห่งชาติ says little about which idea it qualifies.
    private const double ModifierWeight = 0.5;

    private const int LabelSourcePoints = 40;
    private const int CandidatesPerTopic = 64;
    private const int TopicsToMatch = 3;

    private readonly IdeaCorpus _corpus;
    private readonly IReadOnlyList<int> _texts;
    private readonly IReadOnlySet<int> _echo;
    private readonly IdeaOptions _options;
    private readonly IdeaVocabulary _vocabulary;

    // Indexed by corpus person id and vocabulary id: reused by every group of this scope.
    private readonly int[] _personRank;
    private readonly int[] _personMark;
    private readonly double[] _weights;
    private readonly int[] _keyCount;
    private readonly int[] _keyLastPerson;
    private readonly int[] _keyStamp;
    private readonly int[] _inputMark;
    private int _mark;

    public IdeaScope(IdeaCorpus corpus, IReadOnlyList<int> texts, IReadOnlySet<int> echo, IdeaOptions options)
    {
        _corpus = corpus;
        _texts = texts;
        _echo = echo;
        _options = options;
        _vocabulary = corpus.Vocabulary;
        _personRank = new int[corpus.PersonCount];
        _personMark = new int[corpus.PersonCount];
        _weights = new double[_vocabulary.Count];
        _keyCount = new int[_vocabulary.Count];
        _keyLastPerson = new int[_vocabulary.Count];
        _keyStamp = new int[_vocabulary.Count];
        _inputMark = new int[texts.Count];
    }

    public IdeaSet Run(CancellationToken cancellationToken)
    {
        var noSubstantive = new List<int>();
        var pointIdeas = new int[_texts.Count][];
        var order = new List<int>();
        for (var input = 0; input < _texts.Count; input++)
        {
            var units = TextOf(input).Units;
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

        // Inputs in order of their people's keys, then their texts: counting a person once needs their points together,
        // and ties are broken by content, never by arrival.
        var people = order.Select(Person).Distinct().OrderBy(_corpus.PersonKey, StringComparer.Ordinal).ToList();
        for (var rank = 0; rank < people.Count; rank++)
        {
            _personRank[people[rank]] = rank;
        }
        order.Sort((x, y) =>
        {
            var byPerson = _personRank[Person(x)].CompareTo(_personRank[Person(y)]);
            if (byPerson != 0)
            {
                return byPerson;
            }
            var byText = string.CompareOrdinal(TextOf(x).Text, TextOf(y).Text);
            return byText != 0 ? byText : x.CompareTo(y);
        });

        Weigh(order, people.Count);
        var items = Items(order, cancellationToken);
        var groups = Group(items, cancellationToken);

        var drafts = new List<Draft>();
        foreach (var group in groups)
        {
            if (Describe(group, cancellationToken) is { } draft)
            {
                drafts.Add(draft);
            }
        }
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
            ideas.Add(Finish(ranked[index]));
        }
        return new IdeaSet(ideas, noSubstantive, pointIdeas);
    }

    private int Person(int input) => _corpus.PersonOf(_texts[input]);

    private IdeaText TextOf(int input) => _corpus[_texts[input]];

    /// <summary>Each topic's weight: ln(1 + N/df) over the people here, less for unique, modifier and echoed topics.</summary>
    private void Weigh(List<int> order, int peopleCount)
    {
        var frequency = _keyCount;
        var lastPerson = _keyLastPerson;
        Array.Fill(lastPerson, -1);
        var seen = new List<int>();
        foreach (var input in order)
        {
            var person = Person(input);
            foreach (var unit in TextOf(input).Units)
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
                if (lastPerson[feature] != person)
                {
                    if (lastPerson[feature] < 0)
                    {
                        seen.Add(feature);
                    }
                    lastPerson[feature] = person;
                    frequency[feature]++;
                }
            }
        }
        foreach (var feature in seen)
        {
            var count = frequency[feature];
            _weights[feature] = Math.Log(1 + (double)peopleCount / count)
                * (count == 1 ? UniqueWeight : 1)
                * (_echo.Contains(feature) ? EchoWeight : 1)
                * (_vocabulary.IsModifier(feature) ? ModifierWeight : 1);
            frequency[feature] = 0;
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
                if (!items.TryGetValue(units[u].Signature, out var item))
                {
                    item = new Item(units[u].Signature, Vector(units[u].Features));
                    items.Add(units[u].Signature, item);
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
        var clustered = items.Count <= MaxClusteredItems ? items : items.GetRange(0, MaxClusteredItems);
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

        // Group centres, indexed by each topic they hold (at most CandidatesPerTopic groups per topic, the first formed first).
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
        for (var i = MaxClusteredItems; i < items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = items[i];
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

    /// <summary>Label, people and distinctiveness of a group; null when it holds too few people to be an idea.</summary>
    private Draft? Describe(List<Item> group, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var mark = ++_mark;
        var people = new List<int>();
        foreach (var item in group)
        {
            foreach (var point in item.Points)
            {
                if (_personMark[point.Person] != mark)
                {
                    _personMark[point.Person] = mark;
                    people.Add(point.Person);
                }
            }
        }
        if (people.Count < _options.MinParticipants)
        {
            return null;
        }
        people.Sort((x, y) => _personRank[x].CompareTo(_personRank[y]));

        // The most central points first: items by their similarity to the group's centre (then by their topics), and
        // within an item its points in person order (then text, then place).
        var centre = Centre(group);
        var central = group
            .Select(item => (Item: item, Centrality: item.Vector.Dot(centre)))
            .OrderByDescending(x => x.Centrality)
            .ThenBy(x => x.Item.Signature, SignatureComparer.Instance)
            .Select(x => x.Item)
            .ToList();
        var points = central.SelectMany(item => item.Points);

        var label = Label(points.Take(LabelSourcePoints).ToList(), central, people.Count);
        var distinctiveness = 0.0;
        foreach (var topic in label.Topics)
        {
            distinctiveness += _weights[topic] / label.Topics.Count;
        }
        return new Draft(group, central, [.. people], label.Text, label.Key, label.Topics, distinctiveness);
    }

    /// <summary>The idea as returned: its quotes and every answer behind it (only for the ideas kept, since excerpts cost).</summary>
    private Idea Finish(Draft draft)
    {
        var mark = ++_mark;
        var points = draft.Central.SelectMany(item => item.Points);
        var quotes = new List<IdeaExcerpt>(2);
        var quoted = new HashSet<int>();
        foreach (var point in points)
        {
            if (quotes.Count == 2)
            {
                break;
            }
            var text = TextOf(point.Input);
            var excerpt = IdeaExcerpts.Of(text, text.Units[point.Unit], _options.QuoteLength);
            if (excerpt != draft.Label && quotes.TrueForAll(q => q.Text != excerpt) && quoted.Add(point.Person))
            {
                quotes.Add(new IdeaExcerpt(point.Input, excerpt));
            }
        }

        // Each answer once, shown around its most central point.
        var answers = new List<IdeaExcerpt>();
        foreach (var point in points)
        {
            if (_inputMark[point.Input] != mark)
            {
                _inputMark[point.Input] = mark;
                var text = TextOf(point.Input);
                answers.Add(new IdeaExcerpt(point.Input, IdeaExcerpts.Of(text, text.Units[point.Unit], _options.ExcerptLength)));
            }
        }
        answers.Sort((x, y) => x.Input.CompareTo(y.Input));
        return new Idea(draft.Label, draft.People.Length, quotes, answers);
    }

    /// <summary>
    /// The best label among phrases of the most central points: a span of whole words that starts on a topic, an action,
    /// a frame or a nominalizer (never on a modifier such as แห่งชาติ, never just after a nominalizer or a joining word
    /// such as ทาง that it belongs to) and ends on a topic, within the length limits. A topic shared by at least two
    /// people (one, for a one-person idea) and by most of the group adds its share, any other topic subtracts; an action
    /// or frame leading the label adds half its share when most people wrote it before the same word; every other word
    /// costs a little, so the label says what the people share and no more. A label that starts and ends on shared words
    /// comes first (an unshared edge is a detail, or a piece of a word ICU split), then one whose shared topics are in
    /// the script most of the group wrote in (Thai, usually), then one without a known misspelling, then the best score;
    /// ties go to the wording most people used verbatim, then the longer, then ordinal order.
    /// </summary>
    private LabelChoice Label(List<Point> sources, List<Item> group, int peopleCount)
    {
        // Which keys can appear in a label: only those are counted over all the group's points. An action or a frame
        // counts only with the very word that follows it (เพิ่ม|งบประมาณ), since it may only lead a label.
        var stamp = _mark;
        var leads = new Dictionary<(int Key, int Next), (int Count, int LastPerson)>();
        foreach (var point in sources)
        {
            var (words, unit) = PointWords(point);
            for (var w = unit.FirstWord; w <= unit.LastWord; w++)
            {
                var key = SupportKey(words[w]);
                if (_keyStamp[key] != stamp)
                {
                    _keyStamp[key] = stamp;
                    _keyCount[key] = 0;
                    _keyLastPerson[key] = -1;
                }
                if (w < unit.LastWord && words[w].Class is IdeaWordClass.Action or IdeaWordClass.Frame)
                {
                    leads[(words[w].Key, SupportKey(words[w + 1]))] = (0, -1);
                }
            }
        }

        // Distinct people per key: the group's points sorted by person, then one sweep.
        var all = group.SelectMany(item => item.Points).ToArray();
        var byPerson = all.Select(p => _personRank[p.Person]).ToArray();
        Array.Sort(byPerson, all);
        var thaiWriters = 0;
        var lastThaiWriter = -1;
        foreach (var point in all)
        {
            var (words, unit) = PointWords(point);
            for (var w = unit.FirstWord; w <= unit.LastWord; w++)
            {
                var key = SupportKey(words[w]);
                if (_keyStamp[key] == stamp && _keyLastPerson[key] != point.Person)
                {
                    _keyLastPerson[key] = point.Person;
                    _keyCount[key]++;
                }
                if (w < unit.LastWord && words[w].Class is IdeaWordClass.Action or IdeaWordClass.Frame
                    && leads.TryGetValue((words[w].Key, SupportKey(words[w + 1])), out var lead) && lead.LastPerson != point.Person)
                {
                    leads[(words[w].Key, SupportKey(words[w + 1]))] = (lead.Count + 1, point.Person);
                }
                if (words[w].Class == IdeaWordClass.Topic && words[w].StartsThai && lastThaiWriter != point.Person)
                {
                    lastThaiWriter = point.Person;
                    thaiWriters++;
                }
            }
        }
        var thaiMajority = 2 * thaiWriters >= peopleCount;

        var candidates = new List<LabelCandidate>();
        foreach (var point in sources)
        {
            var (words, unit) = PointWords(point);
            var text = TextOf(point.Input);
            for (var start = unit.FirstWord; start <= unit.LastWord; start++)
            {
                if (!MayStart(words, start, unit.FirstWord, _vocabulary))
                {
                    continue;
                }
                var score = 0.0;
                var thai = false;
                var misspelled = false;
                var sharedStart = false;
                var shared = false;
                var topics = new List<int>();
                for (var end = start; end <= unit.LastWord && end - start < _options.MaxLabelWords; end++)
                {
                    var word = words[end];
                    var people = word.Class is IdeaWordClass.Action or IdeaWordClass.Frame
                        ? (end == start && end < unit.LastWord ? leads.GetValueOrDefault((word.Key, SupportKey(words[end + 1]))).Count : 0)
                        : _keyCount[SupportKey(word)];
                    var share = (double)people / peopleCount;
                    var isShared = people >= Math.Min(2, peopleCount) && share > 0.5;
                    thai |= isShared && word.Class == IdeaWordClass.Topic && word.StartsThai;
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
                    if (end > start && words[end].End - words[start].Start > _options.MaxLabelLength)
                    {
                        break;
                    }
                    candidates.Add(new LabelCandidate(
                        point, start, end, [.. topics], Math.Round(score, 9), shared, sharedStart && isShared, thai == thaiMajority, misspelled));
                }
            }
        }

        // The best by rank; among candidates tied on rank, the wording most people wrote verbatim, then the longer, then ordinal.
        candidates.Sort(CompareRank);
        var tied = candidates.TakeWhile(c => CompareRank(c, candidates[0]) == 0)
            .Select(c => (Candidate: c, Text: IdeaExcerpts.Collapse(TextOf(c.Point.Input).Span(c.Start, c.End))))
            .ToList();
        var best = tied
            .GroupBy(t => t.Text, StringComparer.Ordinal)
            .Select(g => (g.First().Candidate, Text: g.Key, People: g.Select(t => t.Candidate.Point.Person).Distinct().Count()))
            .OrderByDescending(t => t.People)
            .ThenByDescending(t => t.Text.Length)
            .ThenBy(t => t.Text, StringComparer.Ordinal)
            .First();
        var bestWords = TextOf(best.Candidate.Point.Input).Words;
        var labelKey = string.Join(',', Enumerable.Range(best.Candidate.Start, best.Candidate.End - best.Candidate.Start + 1).Select(w => SupportKey(bestWords[w])));
        return new LabelChoice(best.Text, labelKey, best.Candidate.Topics);
    }

    private static int CompareRank(LabelCandidate x, LabelCandidate y)
    {
        int Flag(bool a, bool b) => b.CompareTo(a);
        var order = Flag(x.SharesTopic, y.SharesTopic);
        order = order != 0 ? order : Flag(x.SharedEdges, y.SharedEdges);
        order = order != 0 ? order : Flag(x.InGroupScript, y.InGroupScript);
        order = order != 0 ? order : x.Misspelled.CompareTo(y.Misspelled);
        return order != 0 ? order : y.Score.CompareTo(x.Score);
    }

    private (IdeaWord[] Words, IdeaUnit Unit) PointWords(Point point)
    {
        var text = TextOf(point.Input);
        return (text.Words, text.Units[point.Unit]);
    }

    private static int SupportKey(IdeaWord word) => word.Class == IdeaWordClass.Topic ? word.Feature : word.Key;

    private static bool MayStart(IdeaWord[] words, int start, int unitStart, IdeaVocabulary vocabulary)
    {
        if (words[start].Class is not (IdeaWordClass.Topic or IdeaWordClass.Action or IdeaWordClass.Frame or IdeaWordClass.Nominalizer)
            || words[start].Modifier)
        {
            return false;
        }
        // Never just after a nominalizer or prefix the word is written onto (การ|คุ้มครอง, ผู้|รับ), nor after a word that
        // makes a modifier of it (ทาง|สังคม): that would cut a word or a phrase.
        return start == unitStart
            || words[start - 1].End != words[start].Start
            || (words[start - 1].Class != IdeaWordClass.Nominalizer && !IdeaLexicon.JoinsNext(vocabulary.Text(words[start - 1].Key)));
    }

    /// <summary>
    /// Ideas that are one: the same label, or the very same people with a shared topic or writing both side by side in
    /// every answer (one sentence cut in two).
    /// </summary>
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
        || (a.People.AsSpan().SequenceEqual(b.People) && (a.LabelTopics.Exists(b.LabelTopics.Contains) || Adjacent(a, b)));

    // The same people, each writing the two side by side in one answer: one sentence a space cut in two.
    private static bool Adjacent(Draft a, Draft b)
    {
        var pointsOfB = b.Items.SelectMany(item => item.Points).Select(p => (p.Input, p.Unit)).ToHashSet();
        var inputsOfA = new HashSet<int>();
        var adjacent = new HashSet<int>();
        foreach (var point in a.Items.SelectMany(item => item.Points))
        {
            inputsOfA.Add(point.Input);
            if (pointsOfB.Contains((point.Input, point.Unit - 1)) || pointsOfB.Contains((point.Input, point.Unit + 1)))
            {
                adjacent.Add(point.Input);
            }
        }
        return adjacent.SetEquals(inputsOfA) && pointsOfB.Select(p => p.Input).ToHashSet().SetEquals(inputsOfA);
    }

    private readonly record struct Point(int Input, int Unit, int Person);

    private sealed class Item(int[] signature, SparseVector vector)
    {
        private readonly List<Point> _points = [];
        private int _lastPerson = -1;

        public int[] Signature { get; } = signature;

        public SparseVector Vector { get; } = vector;

        /// <summary>In person order (points arrive so), then text, then place.</summary>
        public IReadOnlyList<Point> Points => _points;

        /// <summary>Distinct people.</summary>
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

    /// <param name="Central">The items, most central first.</param>
    private sealed record Draft(
        List<Item> Items,
        List<Item> Central,
        int[] People,
        string Label,
        string LabelKey,
        List<int> LabelTopics,
        double Distinctiveness);

    private sealed record LabelCandidate(
        Point Point, int Start, int End, List<int> Topics, double Score, bool SharesTopic, bool SharedEdges, bool InGroupScript, bool Misspelled);

    private readonly record struct LabelChoice(string Text, string Key, List<int> Topics);

    private sealed class SignatureComparer : IEqualityComparer<int[]>, IComparer<int[]>
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

        int IComparer<int[]>.Compare(int[]? x, int[]? y) => Compare(x!, y!);

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
