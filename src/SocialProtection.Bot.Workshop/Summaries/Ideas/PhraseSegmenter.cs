using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>
/// <see cref="ThaiWordSegmenter"/> applied phrase by phrase (text between spaces), remembering each phrase's words, so a
/// phrase many answers share (workshop vocabulary, "ไม่มีความเห็น", a pasted sentence) is segmented once. ICU never
/// joins words across a space, and the segmenter's only rule that looks across one (a repetition mark written apart,
/// "ต่าง ๆ") is kept whole by never cutting before a ๆ, so the words are those of segmenting the whole text. One per
/// summary (not thread-safe); it remembers at most <see cref="MaxPhrases"/> phrases, so memory stays bounded.
/// </summary>
internal sealed class PhraseSegmenter
{
    public const int MaxPhrases = 200_000;

    private const char RepetitionMark = '\u0E46';

    private readonly Dictionary<string, Phrase> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Phrase>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PhraseSegmenter() => _lookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The words of <paramref name="text"/> with where each one is in it; false if a word cannot be placed.</summary>
    public bool TrySegment(string text, out List<WordToken> tokens, out List<int> starts, out List<int> ends)
    {
        tokens = [];
        starts = [];
        ends = [];
        var position = 0;
        while (position < text.Length)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            var start = position;
            while (position < text.Length)
            {
                if (char.IsWhiteSpace(text[position]))
                {
                    var next = position;
                    while (next < text.Length && char.IsWhiteSpace(text[next]))
                    {
                        next++;
                    }
                    if (next >= text.Length || text[next] != RepetitionMark)
                    {
                        break;
                    }
                    position = next;
                }
                position++;
            }
            if (position == start)
            {
                break;
            }

            var phrase = Find(text.AsSpan(start, position - start));
            if (phrase is null)
            {
                return false;
            }
            tokens.AddRange(phrase.Tokens);
            foreach (var offset in phrase.Starts)
            {
                starts.Add(start + offset);
            }
            foreach (var offset in phrase.Ends)
            {
                ends.Add(start + offset);
            }
        }
        return true;
    }

    private Phrase? Find(ReadOnlySpan<char> span)
    {
        if (_lookup.TryGetValue(span, out var known))
        {
            return known;
        }
        var text = span.ToString();
        var tokens = ThaiWordSegmenter.Segment(text);
        if (!IdeaText.TryLocate(text, tokens, out var starts, out var ends))
        {
            return null;
        }
        var phrase = new Phrase([.. tokens], starts, ends);
        if (_phrases.Count < MaxPhrases)
        {
            _phrases.Add(text, phrase);
        }
        return phrase;
    }

    private sealed record Phrase(WordToken[] Tokens, int[] Starts, int[] Ends);
}
