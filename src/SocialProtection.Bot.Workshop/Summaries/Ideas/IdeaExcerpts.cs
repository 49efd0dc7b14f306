using System.Globalization;
using System.Text;

namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>
/// Short pieces of answers for quotes and for "the answers behind this idea": the whole answer when it is short, else
/// the point that made it belong and what follows it, cut only between words (never inside a word or a compound) and
/// marked with "…" where text was left out. Runs of spaces and line breaks become one space.
/// </summary>
internal static class IdeaExcerpts
{
    private const string Ellipsis = "…";

    public static string Of(IdeaText text, IdeaUnit unit, int maxLength)
    {
        var words = text.Words;
        var first = FirstNonSpace(text.Text);
        var last = LastNonSpace(text.Text);
        if (last - first <= maxLength)
        {
            return Collapse(text.Text.AsSpan(first, last - first), text.Text);
        }

        // Start at the beginning when the point ends close enough to it; otherwise at the point.
        var start = words[unit.LastWord].End - first + 1 <= maxLength ? first : words[unit.FirstWord].Start;
        var prefix = start > first ? Ellipsis : "";
        var budget = maxLength - prefix.Length - Ellipsis.Length;
        var firstWord = start == first ? 0 : unit.FirstWord;
        var end = -1;
        for (var w = firstWord; w < words.Length && words[w].End - start <= budget; w++)
        {
            end = words[w].End;
        }
        if (end < 0)
        {
            // One word longer than the whole excerpt (a pasted link, a run of letters): cut it between characters.
            return prefix + Collapse(text.Text.AsSpan(start, CharacterBoundary(text.Text, start, budget) - start)) + Ellipsis;
        }
        return prefix + Collapse(text.Text.AsSpan(start, end - start)) + (end < last ? Ellipsis : "");
    }

    private static int CharacterBoundary(string text, int start, int budget)
    {
        var position = start;
        while (position < text.Length)
        {
            var next = position + StringInfo.GetNextTextElementLength(text.AsSpan(position));
            if (next - start > budget)
            {
                break;
            }
            position = next;
        }
        return Math.Max(position, start + StringInfo.GetNextTextElementLength(text.AsSpan(start)));
    }

    /// <summary>True when <paramref name="excerpt"/> (a quote or an answer's excerpt) was taken from <paramref name="answer"/>.</summary>
    public static bool IsFrom(string excerpt, string answer)
    {
        var words = excerpt.AsSpan().Trim(Ellipsis);
        return !words.IsEmpty && Collapse(IdeaText.Normalize(answer)).AsSpan().Contains(words, StringComparison.Ordinal);
    }

    public static string Collapse(ReadOnlySpan<char> text) => Collapse(text, null);

    /// <summary>The text with runs of white space as one space and none at the ends; <paramref name="whole"/> itself when that is it already.</summary>
    private static string Collapse(ReadOnlySpan<char> text, string? whole)
    {
        if (IsCollapsed(text))
        {
            return whole is not null && whole.Length == text.Length ? whole : text.ToString();
        }
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsCollapsed(ReadOnlySpan<char> text)
    {
        if (!text.IsEmpty && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))))
            {
                return false;
            }
        }
        return true;
    }

    private static int FirstNonSpace(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    private static int LastNonSpace(string text)
    {
        var i = text.Length;
        while (i > 0 && char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }
        return i;
    }
}
