using System.Collections.Frozen;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>
/// The curated word lists for ideas (embedded Text/Resources/ThaiSynonyms.json and IdeaWords.json), as a trie over
/// segmented words: every entry is split with <see cref="ThaiWordSegmenter"/> when loaded and matched against answers
/// word by word, longest entry first, so multi-word synonyms, misspellings that ICU cuts into odd pieces and English
/// phrases are all found the same way. Words no list names take their role from the theme stop-word lists.
/// </summary>
internal static class IdeaLexicon
{
    private const string ResourcePrefix = "SocialProtection.Bot.Workshop.Text.Resources.";

    private static readonly FrozenDictionary<string, Node> Roots;
    private static readonly FrozenSet<string> ContinuesBeforeWords;
    private static readonly FrozenSet<string> ContinuesAfterWords;
    private static readonly FrozenSet<string> StartsPointWords;
    private static readonly FrozenSet<string> JoinsNextWords;

    static IdeaLexicon()
    {
        var roots = new Dictionary<string, Node>(StringComparer.Ordinal);
        using (var synonyms = Load("ThaiSynonyms.json"))
        {
            foreach (var concept in synonyms.RootElement.GetProperty("concepts").EnumerateArray())
            {
                var term = Key(ReadString(concept.GetProperty("term"), "term"));
                var broader = concept.TryGetProperty("broader", out var b)
                    ? b.EnumerateArray().Select(item => Key(ReadString(item, "broader"))).ToArray()
                    : [];
                var modifier = concept.TryGetProperty("modifier", out var m) && m.GetBoolean();
                var entry = new LexiconEntry(IdeaWordClass.Topic, term, broader, Misspelled: false, modifier);
                Add(roots, term, entry);
                foreach (var alias in concept.GetProperty("aliases").EnumerateArray())
                {
                    Add(roots, ReadString(alias, "alias"), entry);
                }
                if (concept.TryGetProperty("misspellings", out var misspellings))
                {
                    var misspelled = entry with { Misspelled = true };
                    foreach (var misspelling in misspellings.EnumerateArray())
                    {
                        Add(roots, ReadString(misspelling, "misspelling"), misspelled);
                    }
                }
            }
        }

        using var words = Load("IdeaWords.json");
        foreach (var (list, wordClass) in new[]
        {
            ("noise", IdeaWordClass.Filler), ("filler", IdeaWordClass.Filler), ("actions", IdeaWordClass.Action),
            ("frames", IdeaWordClass.Frame), ("prefixes", IdeaWordClass.Nominalizer),
        })
        {
            foreach (var word in ReadList(words, list))
            {
                Add(roots, word, new LexiconEntry(wordClass, null, [], Misspelled: false, Modifier: false));
            }
        }
        ContinuesBeforeWords = ReadList(words, "continuesBefore").Select(Key).ToFrozenSet(StringComparer.Ordinal);
        ContinuesAfterWords = ReadList(words, "continuesAfter").Select(Key).ToFrozenSet(StringComparer.Ordinal);
        StartsPointWords = ReadList(words, "startsPoint").Select(Key).ToFrozenSet(StringComparer.Ordinal);
        JoinsNextWords = ReadList(words, "joinsNext").Select(Key).ToFrozenSet(StringComparer.Ordinal);
        Roots = roots.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// The longest entry that starts at <paramref name="start"/>, over tokens that <paramref name="joined"/> says are
    /// written together (no punctuation between them); 0 tokens when none does.
    /// </summary>
    public static int Match(IReadOnlyList<WordToken> tokens, int start, Func<int, bool> joined, out LexiconEntry? entry)
    {
        entry = null;
        if (!Roots.TryGetValue(TokenKey(tokens[start]), out var node))
        {
            return 0;
        }
        var length = 0;
        for (var i = start; ; )
        {
            if (node.Entry is not null)
            {
                entry = node.Entry;
                length = i - start + 1;
            }
            i++;
            if (i >= tokens.Count || node.Children is null || !joined(i)
                || !node.Children.TryGetValue(TokenKey(tokens[i]), out var next))
            {
                return length;
            }
            node = next;
        }
    }

    /// <summary>The class of a word no list names, from the theme stop-word lists.</summary>
    public static IdeaWordClass ClassOf(WordToken token) => ThemeVocabulary.RoleOf(token) switch
    {
        WordRole.Content => IdeaWordClass.Topic,
        WordRole.Nominalizer => IdeaWordClass.Nominalizer,
        WordRole.Weak => IdeaWordClass.Weak,
        _ => IdeaWordClass.Filler,
    };

    /// <summary>A Thai phrase starting with this word continues the phrase before it (ที่, ของ, ให้).</summary>
    public static bool ContinuesBefore(string wordKey) => ContinuesBeforeWords.Contains(wordKey);

    /// <summary>A Thai word after a space that starts a new point, even after English (และ, อีกทั้ง).</summary>
    public static bool StartsPoint(string wordKey) => StartsPointWords.Contains(wordKey);

    /// <summary>This word joins the word it touches into a modifier (ทาง|สังคม): a label never starts just after it.</summary>
    public static bool JoinsNext(string wordKey) => JoinsNextWords.Contains(wordKey);

    /// <summary>A Thai phrase ending with this word continues into the next (ให้, และ, ของ).</summary>
    public static bool ContinuesAfter(string wordKey) => ContinuesAfterWords.Contains(wordKey);

    /// <summary>A token as the lists match it: lower case (the segmenter's text), English plurals made singular.</summary>
    public static string TokenKey(WordToken token) => token.Kind == TokenKind.Latin ? Singular(token.Text) : token.Text;

    /// <summary>A word of one or more tokens as one key: Thai pieces joined as written, others with a space.</summary>
    public static string Key(string text)
    {
        var tokens = ThaiWordSegmenter.Segment(text);
        if (tokens.Count == 0)
        {
            throw new InvalidOperationException($"The idea word list entry '{text}' has no word in it.");
        }
        return Join(tokens, 0, tokens.Count);
    }

    public static string Join(IReadOnlyList<WordToken> tokens, int start, int count)
    {
        if (count == 1)
        {
            return TokenKey(tokens[start]);
        }
        var builder = new System.Text.StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            if (i > start && !(tokens[i - 1].Kind == TokenKind.Thai && tokens[i].Kind == TokenKind.Thai))
            {
                builder.Append(' ');
            }
            builder.Append(TokenKey(tokens[i]));
        }
        return builder.ToString();
    }

    // "agencies" → "agency", "databases" → "database"; "process", "status", "analysis" stay.
    private static string Singular(string word)
    {
        if (word.Length >= 5 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }
        if (word.EndsWith("'s", StringComparison.Ordinal))
        {
            return word[..^2];
        }
        return word.Length >= 4 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') ? word[..^1] : word;
    }

    private static void Add(Dictionary<string, Node> roots, string text, LexiconEntry entry)
    {
        var tokens = ThaiWordSegmenter.Segment(text);
        if (tokens.Count == 0)
        {
            throw new InvalidOperationException($"The idea word list entry '{text}' has no word in it.");
        }
        var children = roots;
        Node? node = null;
        foreach (var token in tokens)
        {
            var key = TokenKey(token);
            if (!children.TryGetValue(key, out node))
            {
                node = new Node();
                children.Add(key, node);
            }
            children = node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
        }
        if (node!.Entry is { } existing && existing != entry)
        {
            throw new InvalidOperationException($"The idea word list entry '{text}' is listed twice with different meanings.");
        }
        node.Entry = entry;
    }

    private static JsonDocument Load(string name)
    {
        using var stream = typeof(IdeaLexicon).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the Workshop assembly.");
        return JsonDocument.Parse(stream);
    }

    private static string[] ReadList(JsonDocument document, string property) =>
        document.RootElement.GetProperty(property).EnumerateArray().Select(item => ReadString(item, property)).ToArray();

    private static string ReadString(JsonElement item, string property) =>
        item.GetString() ?? throw new InvalidOperationException($"A null entry in the idea word list '{property}'.");

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public LexiconEntry? Entry { get; set; }
    }
}

/// <summary>What a lexicon entry makes of the words it matches: a topic (with its concept key) or a role.</summary>
/// <param name="Feature">The concept's key for a topic, null otherwise.</param>
/// <param name="Broader">Wider concepts the topic also counts towards, at half weight.</param>
/// <param name="Misspelled">A known misspelling: it counts as its concept but is not shown as a label when another wording is.</param>
/// <param name="Modifier">The word qualifies the one before it (แห่งชาติ, กลาง): a label never starts on it.</param>
internal sealed record LexiconEntry(IdeaWordClass Class, string? Feature, string[] Broader, bool Misspelled, bool Modifier);
