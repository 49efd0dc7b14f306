using System.Globalization;
using ICU4N.Text;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// Splits mixed Thai, English and numeric text into words with ICU's dictionary-based word breaker, which finds
/// the word boundaries Thai leaves unmarked. Whitespace, punctuation and symbols are dropped (but recorded in
/// <see cref="WordToken.Gap"/>), Latin is lower-cased, the text is normalised first (<see cref="ThaiTextNormalizer"/>),
/// a repetition mark written apart ("ต่าง ๆ") is joined to its word ("ต่างๆ"), and compounds that ICU splits into
/// shorter words (เครือ|ข่าย, ประชา|สังคม) are joined again from a curated list (Resources/ThaiCompounds.json). Thread-safe.
/// </summary>
internal static class ThaiWordSegmenter
{
    // ICU word-break rule statuses below 100 mark spans that are not words (spaces, punctuation, symbols).
    private const int FirstWordStatus = 100;
    private const string RepetitionMark = "\u0E46";
    private const char RightSingleQuote = '\u2019';

    private static readonly CultureInfo ThaiCulture = CultureInfo.GetCultureInfo("th-TH");

    [ThreadStatic]
    private static BreakIterator? t_wordBreaks;

    public static IReadOnlyList<WordToken> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = RemoveFormatCharacters(ThaiTextNormalizer.Normalize(text));
        if (normalized.Length == 0)
        {
            return [];
        }

        // A break iterator holds the text it walks, so it cannot be shared between threads: one per thread. Creating
        // one per call is cheap alone but takes a lock in ICU4N's culture lookup that many concurrent turns queue on.
        var breaks = t_wordBreaks ??= BreakIterator.GetWordInstance(ThaiCulture);
        breaks.SetText(normalized);

        var tokens = new List<WordToken>();
        var gap = TokenGap.Break;
        var start = breaks.First();
        for (var end = breaks.Next(); end != BreakIterator.Done; start = end, end = breaks.Next())
        {
            var piece = normalized.AsSpan(start, end - start);
            if (breaks.RuleStatus < FirstWordStatus)
            {
                var separator = IsInlineSpace(piece) ? TokenGap.Space : TokenGap.Break;
                gap = separator > gap ? separator : gap;
                continue;
            }

            if (piece.SequenceEqual(RepetitionMark) && tokens.Count > 0 && tokens[^1].Kind == TokenKind.Thai && gap != TokenGap.Break)
            {
                var previous = tokens[^1];
                tokens[^1] = previous with { Text = previous.Text + RepetitionMark, Surface = previous.Surface + RepetitionMark };
            }
            else
            {
                tokens.Add(CreateToken(piece, gap));
            }

            gap = TokenGap.None;
        }

        return JoinCompounds(tokens);
    }

    // Longest match, left to right, over runs of touching Thai words.
    private static List<WordToken> JoinCompounds(List<WordToken> tokens)
    {
        Span<char> buffer = stackalloc char[ThaiCompounds.MaxLength];
        var joined = new List<WordToken>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var first = tokens[i];
            var end = -1;
            var length = 0;
            for (var j = i; j < tokens.Count; j++)
            {
                var piece = tokens[j];
                if (piece.Kind != TokenKind.Thai || (j > i && piece.Gap != TokenGap.None) || length + piece.Text.Length > buffer.Length)
                {
                    break;
                }

                piece.Text.AsSpan().CopyTo(buffer[length..]);
                length += piece.Text.Length;
                if (!ThaiCompounds.IsPrefix(buffer[..length]))
                {
                    break;
                }

                if (j > i && ThaiCompounds.IsCompound(buffer[..length]))
                {
                    end = j;
                }
            }

            if (end < 0)
            {
                joined.Add(first);
                continue;
            }

            var text = string.Concat(tokens.Skip(i).Take(end - i + 1).Select(token => token.Text));
            joined.Add(first with { Text = text, Surface = text, HasThaiDigits = false });
            i = end;
        }

        return joined;
    }

    private static WordToken CreateToken(ReadOnlySpan<char> piece, TokenGap gap)
    {
        var surface = piece.ToString();
        var kind = Classify(piece);
        var text = HasUpper(piece) ? surface.ToLowerInvariant() : surface;
        if (kind == TokenKind.Latin && text.Contains(RightSingleQuote, StringComparison.Ordinal))
        {
            // Phones type "don’t" where keyboards type "don't": one word either way.
            text = text.Replace(RightSingleQuote, '\'');
        }

        return new WordToken(text, surface, kind, ThaiDigits.IndexOfThaiDigit(piece) >= 0, gap);
    }

    private static TokenKind Classify(ReadOnlySpan<char> piece)
    {
        var sawLatin = false;
        var sawOther = false;
        foreach (var c in piece)
        {
            if (IsThaiLetter(c))
            {
                return TokenKind.Thai;
            }

            if (char.IsLetter(c))
            {
                sawLatin |= IsLatin(c);
                sawOther |= !IsLatin(c);
            }
        }

        return sawLatin ? TokenKind.Latin : sawOther ? TokenKind.Other : TokenKind.Number;
    }

    private static bool IsThaiLetter(char c) => c is >= '\u0E01' and <= '\u0E4F';

    private static bool IsLatin(char c) => c < '\u0250' || c is >= '\u1E00' and <= '\u1EFF' || c is >= '\uFF21' and <= '\uFF5A';

    private static bool HasUpper(ReadOnlySpan<char> piece)
    {
        foreach (var c in piece)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInlineSpace(ReadOnlySpan<char> piece)
    {
        foreach (var c in piece)
        {
            if (!char.IsWhiteSpace(c) || c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029')
            {
                return false;
            }
        }

        return true;
    }

    // Zero-width spaces, joiners, soft hyphens and the like carry no letters; left in, they would split or glue words.
    private static string RemoveFormatCharacters(string text)
    {
        var first = IndexOfFormatCharacter(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first + 1; i < text.Length; i++)
        {
            if (char.GetUnicodeCategory(text[i]) != UnicodeCategory.Format)
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static int IndexOfFormatCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.GetUnicodeCategory(text[i]) == UnicodeCategory.Format)
            {
                return i;
            }
        }

        return -1;
    }
}
