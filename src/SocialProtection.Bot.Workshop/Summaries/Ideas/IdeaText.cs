using System.Globalization;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>
/// One answer read for ideas, once: its words (ICU segmentation, compounds, then the idea lexicon's multi-word
/// entries, each word with its place in the text) and its points. A point is what a facilitator would copy onto one
/// sticky note: answers are cut at line breaks and sentence punctuation, at a space before a Thai conjunction that
/// starts a new point (และ, อีกทั้ง; even after English), and at a space between Thai phrases unless
/// the phrase after it continues the one before (ที่…, ของ…, ให้…), the one before leads into it (…ให้, …และ) or
/// ends an abbreviation ("อสม. ช่วย…"), or either holds no topic of its own ("ควรมี ฐานข้อมูลกลาง" is one point). Points without a topic are dropped: an answer with
/// none (skip, ไม่มีความเห็น, "-", emoji) says nothing substantive.
/// </summary>
internal sealed class IdeaText
{
    private const char RepetitionMark = '\u0E46';

    private IdeaText(string text, IdeaWord[] words, IdeaUnit[] units)
    {
        Text = text;
        Words = words;
        Units = units;
    }

    /// <summary>The answer after Thai normalisation (what the words' offsets point into).</summary>
    public string Text { get; }

    public IdeaWord[] Words { get; }

    /// <summary>The points that name at least one topic, in text order.</summary>
    public IdeaUnit[] Units { get; }

    public bool IsSubstantive => Units.Length > 0;

    /// <summary>The text from the start of word <paramref name="first"/> to the end of word <paramref name="last"/>.</summary>
    public string Span(int first, int last) => Text[Words[first].Start..Words[last].End];

    /// <summary>The text as ideas read it: Thai normalisation, without format characters (as the segmenter reads it).</summary>
    public static string Normalize(string text) => RemoveFormatCharacters(ThaiTextNormalizer.Normalize(text));

    public static IdeaText Analyze(string text, IdeaVocabulary vocabulary, PhraseSegmenter? segmenter = null)
    {
        var normalized = Normalize(text);
        IReadOnlyList<WordToken> tokens;
        int[] starts, ends;
        if (segmenter is not null && segmenter.TrySegment(normalized, out var phraseTokens, out var phraseStarts, out var phraseEnds))
        {
            (tokens, starts, ends) = (phraseTokens, [.. phraseStarts], [.. phraseEnds]);
        }
        else
        {
            tokens = ThaiWordSegmenter.Segment(normalized);
            if (!TryLocate(normalized, tokens, out starts, out ends))
            {
                // Cannot happen with today's segmenter (every token is a piece of the text); if it ever does, read the words as joined.
                normalized = Rejoin(tokens, out starts, out ends);
            }
        }

        var words = ReadWords(normalized, tokens, starts, ends, vocabulary);
        return new IdeaText(normalized, words, ReadUnits(normalized, words, vocabulary));
    }

    private static IdeaWord[] ReadWords(string text, IReadOnlyList<WordToken> tokens, int[] starts, int[] ends, IdeaVocabulary vocabulary)
    {
        bool Joined(int i) => IsJoined(text.AsSpan(ends[i - 1], starts[i] - ends[i - 1]), tokens[i - 1].Kind, tokens[i].Kind);

        var words = new List<IdeaWord>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            var length = IdeaLexicon.Match(tokens, i, Joined, out var entry);
            IdeaWordClass wordClass;
            int key, feature;
            var misspelled = false;
            var modifier = false;
            if (length > 0)
            {
                wordClass = entry!.Class;
                misspelled = entry.Misspelled;
                modifier = entry.Modifier;
                key = vocabulary.Intern(IdeaLexicon.Join(tokens, i, length));
                feature = entry.Feature is null ? -1 : vocabulary.Intern(entry.Feature);
                if (feature >= 0)
                {
                    vocabulary.SetBroader(feature, entry.Broader);
                    if (modifier)
                    {
                        vocabulary.SetModifier(feature);
                    }
                }
            }
            else
            {
                length = 1;
                wordClass = IdeaLexicon.ClassOf(tokens[i]);
                key = vocabulary.Intern(IdeaLexicon.TokenKey(tokens[i]));
                feature = wordClass == IdeaWordClass.Topic ? key : -1;
            }
            var last = i + length - 1;
            words.Add(new IdeaWord(starts[i], ends[last], key, feature, wordClass, tokens[i].Kind == TokenKind.Thai, tokens[last].Kind == TokenKind.Thai, misspelled, modifier));
            i += length;
        }
        return [.. words];
    }

    // Thai writes a space between phrases, a hyphen joins English compounds ("one-stop"); punctuation otherwise parts words.
    private static bool IsJoined(ReadOnlySpan<char> gap, TokenKind before, TokenKind after)
    {
        if (gap.IsEmpty)
        {
            return true;
        }
        if (gap is "-" && before == TokenKind.Latin && after == TokenKind.Latin)
        {
            return true;
        }
        foreach (var c in gap)
        {
            if (c is not (' ' or '\t' or '\u00A0'))
            {
                return false;
            }
        }
        return true;
    }

    private static IdeaUnit[] ReadUnits(string text, IdeaWord[] words, IdeaVocabulary vocabulary)
    {
        var units = new List<IdeaUnit>();
        var current = (First: 0, Last: -1, HasTopic: false);
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                var gap = text.AsSpan(words[i - 1].End, words[i].Start - words[i - 1].End);
                var before = words[i - 1];
                var after = words[i];
                if (IsHardBreak(gap, before, after))
                {
                    Close(current);
                    current = (i, i - 1, false);
                }
                else if (!gap.IsEmpty && after.StartsThai
                    && (before.EndsThai || IdeaLexicon.StartsPoint(vocabulary.Text(after.Key)))
                    && current.HasTopic
                    && !gap.Contains('.')
                    && !IdeaLexicon.ContinuesAfter(vocabulary.Text(before.Key))
                    && !IdeaLexicon.ContinuesBefore(vocabulary.Text(after.Key))
                    && StartsNewPhrase(words, i, text))
                {
                    Close(current);
                    current = (i, i - 1, false);
                }
            }
            current = (current.First, i, current.HasTopic || words[i].Class == IdeaWordClass.Topic);
        }
        Close(current);
        return [.. units];

        void Close((int First, int Last, bool HasTopic) unit)
        {
            if (unit.HasTopic)
            {
                var features = new List<int>();
                for (var w = unit.First; w <= unit.Last; w++)
                {
                    if (words[w].Feature >= 0 && !features.Contains(words[w].Feature))
                    {
                        features.Add(words[w].Feature);
                    }
                }
                units.Add(new IdeaUnit(unit.First, unit.Last, [.. features]));
            }
        }
    }

    // A phrase after a space that holds no topic before the next break (ครับ, นะคะ) belongs to the phrase before it.
    private static bool StartsNewPhrase(IdeaWord[] words, int start, string text)
    {
        for (var i = start; i < words.Length; i++)
        {
            if (i > start && IsHardBreak(text.AsSpan(words[i - 1].End, words[i].Start - words[i - 1].End), words[i - 1], words[i]))
            {
                return false;
            }
            if (words[i].Class == IdeaWordClass.Topic)
            {
                return true;
            }
        }
        return false;
    }

    // Line breaks, list and sentence punctuation end a point; a full stop between Thai words marks an abbreviation (อปท.).
    private static bool IsHardBreak(ReadOnlySpan<char> gap, IdeaWord before, IdeaWord after)
    {
        foreach (var c in gap)
        {
            switch (c)
            {
                case '\n' or '\r' or '\u2028' or '\u2029' or ';' or '!' or '?' or ',' or ':' or '•' or '|' or '\u3001' or '\uFF0C' or '\uFF1B':
                    return true;
                case '.' when !before.EndsThai || !after.StartsThai:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Where each token is in the text it was segmented from.</summary>
    public static bool TryLocate(string text, IReadOnlyList<WordToken> tokens, out int[] starts, out int[] ends)
    {
        starts = new int[tokens.Count];
        ends = new int[tokens.Count];
        var position = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var surface = tokens[i].Surface;
            var start = text.IndexOf(surface, position, StringComparison.Ordinal);
            var end = start + surface.Length;
            if (start < 0 && surface.Length > 1 && surface[^1] == RepetitionMark)
            {
                // "ต่าง ๆ" is one word "ต่างๆ" to the segmenter: its piece of the text runs to its last mark.
                var word = surface.TrimEnd(RepetitionMark);
                start = word.Length == 0 ? -1 : text.IndexOf(word, position, StringComparison.Ordinal);
                end = start < 0 ? -1 : start + word.Length;
                for (var marks = surface.Length - word.Length; marks > 0 && end > 0; marks--)
                {
                    end = text.IndexOf(RepetitionMark, end) + 1;
                }
            }
            if (start < 0 || end <= start)
            {
                return false;
            }
            starts[i] = start;
            ends[i] = end;
            position = end;
        }
        return true;
    }

    private static string Rejoin(IReadOnlyList<WordToken> tokens, out int[] starts, out int[] ends)
    {
        starts = new int[tokens.Count];
        ends = new int[tokens.Count];
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(tokens[i].Gap switch { TokenGap.None => "", TokenGap.Space => " ", _ => "\n" });
            }
            starts[i] = builder.Length;
            builder.Append(tokens[i].Surface);
            ends[i] = builder.Length;
        }
        return builder.ToString();
    }

    // As the segmenter does: zero-width spaces and joiners carry no letters, and left in they would glue or split words.
    private static string RemoveFormatCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.GetUnicodeCategory(text[i]) == UnicodeCategory.Format)
            {
                var builder = new System.Text.StringBuilder(text.Length);
                foreach (var c in text)
                {
                    if (char.GetUnicodeCategory(c) != UnicodeCategory.Format)
                    {
                        builder.Append(c);
                    }
                }
                return builder.ToString();
            }
        }
        return text;
    }
}

/// <summary>One word of an answer: where it is, what it is.</summary>
/// <param name="Start">Its first character in <see cref="IdeaText.Text"/>.</param>
/// <param name="End">One past its last character.</param>
/// <param name="Key">Its text (lower case, English singular) as a vocabulary id.</param>
/// <param name="Feature">For a topic, the id of the concept it counts towards (its synonym group); -1 otherwise.</param>
/// <param name="StartsThai">Its first token is Thai (a space before it may end a point).</param>
/// <param name="EndsThai">Its last token is Thai.</param>
/// <param name="Misspelled">Matched through a known misspelling (งบประมาน): never preferred in a label.</param>
/// <param name="Modifier">Qualifies the word before it (แห่งชาติ, กลาง): a label never starts on it.</param>
internal readonly record struct IdeaWord(
    int Start, int End, int Key, int Feature, IdeaWordClass Class, bool StartsThai, bool EndsThai, bool Misspelled, bool Modifier);

/// <summary>One point of an answer: words <see cref="FirstWord"/> to <see cref="LastWord"/>, and the topics it names.</summary>
/// <param name="Features">The distinct topic features, as vocabulary ids.</param>
internal sealed record IdeaUnit(int FirstWord, int LastWord, int[] Features)
{
    /// <summary>The features' vocabulary ranks, ascending: the point's identity, set when the corpus is frozen.</summary>
    public int[] Signature { get; set; } = [];
}
