using System.Runtime.InteropServices;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// Every run of 1 to <c>maxLength</c> consecutive words written by at least <c>minParticipants</c> distinct participants,
/// with its participant and occurrence counts. Counted level by level (Apriori): a phrase can only be as widespread as
/// its shorter prefix and suffix, so a phrase of length n is only counted where both of its (n-1)-word parts were
/// frequent, which keeps memory proportional to what recurs rather than to every n-gram of every answer.
/// </summary>
internal sealed class FrequentPhrases
{
    // levels[n - 1] holds the frequent phrases of n words; each extends a phrase of levels[n - 2] by one word.
    private readonly List<List<Node>> levels = [];
    private readonly List<Dictionary<long, int>> indexByExtension = [];
    private int[] singleWordIndex = [];

    private FrequentPhrases()
    {
    }

    /// <summary>Counts phrases; those of exactly <paramref name="maxLength"/> words are counted only when <paramref name="mayStartLongest"/> accepts their first word.</summary>
    public static FrequentPhrases Count(
        ThemeCorpus corpus, int minParticipants, int maxLength, Func<int, bool> mayStartLongest, CancellationToken cancellationToken)
    {
        var phrases = new FrequentPhrases();
        var participants = corpus.RunsByParticipant.ToArray();

        // Per run, per position: the index of the frequent phrase of the current length starting there, or -1.
        var starts = participants.Select(runs => runs.Select(run => new int[run.Length]).ToArray()).ToArray();
        phrases.CountSingleWords(corpus, participants, starts, minParticipants);

        for (var length = 2; length <= maxLength && phrases.levels[^1].Count > 0; length++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var onlyNominalized = length == maxLength ? mayStartLongest : null;
            phrases.CountExtensions(participants, starts, length, minParticipants, onlyNominalized);
        }

        return phrases;
    }

    /// <summary>All frequent phrases, as word ids with their counts.</summary>
    public IEnumerable<PhraseCount> All()
    {
        for (var level = 0; level < levels.Count; level++)
        {
            for (var index = 0; index < levels[level].Count; index++)
            {
                var node = levels[level][index];
                yield return new PhraseCount(Id(level, index), WordsOf(level, index), node.Participants, node.Occurrences);
            }
        }
    }

    /// <summary>Finds a phrase by its words; every part of a frequent phrase is itself frequent, so parts are always found.</summary>
    public bool TryFind(ReadOnlySpan<int> words, out long id, out int participants, out int occurrences)
    {
        var index = singleWordIndex[words[0]];
        for (var i = 1; i < words.Length && index >= 0; i++)
        {
            index = indexByExtension[i].GetValueOrDefault(Key(index, words[i]), -1);
        }

        id = Id(words.Length - 1, index);
        var node = index < 0 ? default : levels[words.Length - 1][index];
        participants = node.Participants;
        occurrences = node.Occurrences;
        return index >= 0;
    }

    private static long Key(int prefixIndex, int word) => ((long)prefixIndex << 32) | (uint)word;

    private static long Id(int level, int index) => ((long)level << 32) | (uint)index;

    private int[] WordsOf(int level, int index)
    {
        var words = new int[level + 1];
        for (var l = level; l >= 0; l--)
        {
            var node = levels[l][index];
            words[l] = node.Word;
            index = node.Prefix;
        }

        return words;
    }

    private void CountSingleWords(ThemeCorpus corpus, List<int[]>[] participants, int[][][] starts, int minParticipants)
    {
        var participantCounts = new int[corpus.WordCount];
        var occurrenceCounts = new int[corpus.WordCount];
        var lastParticipant = new int[corpus.WordCount];
        Array.Fill(lastParticipant, -1);
        for (var p = 0; p < participants.Length; p++)
        {
            foreach (var run in participants[p])
            {
                foreach (var word in run)
                {
                    occurrenceCounts[word]++;
                    if (lastParticipant[word] != p)
                    {
                        lastParticipant[word] = p;
                        participantCounts[word]++;
                    }
                }
            }
        }

        singleWordIndex = new int[corpus.WordCount];
        var nodes = new List<Node>();
        for (var word = 0; word < corpus.WordCount; word++)
        {
            singleWordIndex[word] = participantCounts[word] >= minParticipants ? nodes.Count : -1;
            if (singleWordIndex[word] >= 0)
            {
                nodes.Add(new Node(-1, word, participantCounts[word], occurrenceCounts[word]));
            }
        }

        levels.Add(nodes);
        indexByExtension.Add([]);
        for (var p = 0; p < participants.Length; p++)
        {
            for (var r = 0; r < participants[p].Count; r++)
            {
                var run = participants[p][r];
                for (var i = 0; i < run.Length; i++)
                {
                    starts[p][r][i] = singleWordIndex[run[i]];
                }
            }
        }
    }

    private void CountExtensions(
        List<int[]>[] participants, int[][][] starts, int length, int minParticipants, Func<int, bool>? firstWordFilter)
    {
        var counters = new Dictionary<long, Counter>();
        for (var p = 0; p < participants.Length; p++)
        {
            for (var r = 0; r < participants[p].Count; r++)
            {
                var run = participants[p][r];
                var start = starts[p][r];
                for (var i = 0; i + length <= run.Length; i++)
                {
                    if (start[i] < 0 || start[i + 1] < 0 || (firstWordFilter is not null && !firstWordFilter(run[i])))
                    {
                        continue;
                    }

                    ref var counter = ref CollectionsMarshal.GetValueRefOrAddDefault(counters, Key(start[i], run[i + length - 1]), out var existed);
                    if (!existed)
                    {
                        counter.LastParticipant = -1;
                    }

                    counter.Occurrences++;
                    if (counter.LastParticipant != p)
                    {
                        counter.LastParticipant = p;
                        counter.Participants++;
                    }
                }
            }
        }

        var nodes = new List<Node>();
        var index = new Dictionary<long, int>();
        foreach (var (key, counter) in counters)
        {
            if (counter.Participants >= minParticipants)
            {
                index.Add(key, nodes.Count);
                nodes.Add(new Node((int)(key >> 32), (int)(uint)key, counter.Participants, counter.Occurrences));
            }
        }

        levels.Add(nodes);
        indexByExtension.Add(index);

        // Move every position on to the phrase of this length starting there (left to right, so start[i + 1] is still the shorter one).
        for (var p = 0; p < participants.Length; p++)
        {
            for (var r = 0; r < participants[p].Count; r++)
            {
                var run = participants[p][r];
                var start = starts[p][r];
                for (var i = 0; i < run.Length; i++)
                {
                    start[i] = i + length <= run.Length && start[i] >= 0 && start[i + 1] >= 0
                        ? index.GetValueOrDefault(Key(start[i], run[i + length - 1]), -1)
                        : -1;
                }
            }
        }
    }

    private readonly record struct Node(int Prefix, int Word, int Participants, int Occurrences);

    private struct Counter
    {
        public int Participants;
        public int Occurrences;
        public int LastParticipant;
    }
}
