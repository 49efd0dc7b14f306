using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ICU4N.Text;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// Makes user text safe to show in an Adaptive Card TextBlock, where hosts always parse markdown. The text must read
/// the same to a person, so syntax is defused with invisible or look-alike characters rather than backslash escapes,
/// which Teams clients render inconsistently (some show the backslashes). Pure and thread-safe.
/// </summary>
internal static partial class CardText
{
    private const int LongWordLimit = 60;
    private const char ZeroWidthSpace = '\u200B';
    private const string Ellipsis = "…";

    [ThreadStatic]
    private static BreakIterator? t_lineBreaks;

    // Look-alikes for emphasis, strikethrough and code delimiters: the same glyph to a reader, no syntax to a parser.
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['*'] = '\u2217', // ∗ asterisk operator
        ['_'] = '\u02CD', // ˍ modifier letter low macron
        ['~'] = '\u223C', // ∼ tilde operator
        ['`'] = '\u02CB', // ˋ modifier letter grave accent
    };

    /// <summary>
    /// Returns <paramref name="userText"/> ready for a TextBlock:
    /// <list type="bullet">
    /// <item>control characters (other than line breaks), lone surrogates, bidirectional overrides and noncharacters are removed;</item>
    /// <item>tags are removed, keeping their text (<c>&lt;at&gt;Someone&lt;/at&gt;</c> → <c>Someone</c>), so nothing becomes a mention or markup;</item>
    /// <item>links and images (<c>[text](url)</c>, <c>[text][ref]</c>, <c>&lt;https://…&gt;</c>) and addresses a host might turn into links
    /// (<c>https://…</c>, <c>www.…</c>, <c>mailto:</c>) are broken with a zero-width space and show as typed;</item>
    /// <item>*, _, ~ and ` that could pair up as emphasis or code become look-alikes (∗ ˍ ∼ ˋ);</item>
    /// <item>a line starting with a heading, list, quote, table or reference marker gets a zero-width space before the marker;</item>
    /// <item>entities (<c>&amp;amp;</c>), card date functions (<c>{{DATE(…)}}</c>) and backslash escapes are defused so they show as typed;</item>
    /// <item>each line becomes its own paragraph (markdown joins single line breaks), blank lines and leading indentation are dropped;</item>
    /// <item>a run of more than 60 characters with no place to break a line gets a zero-width space every 60 characters so it
    /// cannot widen the card; places are found with ICU's line breaker, as renderers find them (spaces, after hyphens,
    /// between Thai words, between emoji), so ordinary Thai sentences are left alone.</item>
    /// </list>
    /// </summary>
    public static string Escape(string userText)
    {
        ArgumentNullException.ThrowIfNull(userText);
        var text = RemoveUnsafeCharacters(userText);
        text = LineBreakTag().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = DefuseInlineSyntax(text);
        text = DefuseLineStarts(text);
        return BreakLongRuns(text);
    }

    /// <summary>
    /// Shortens <paramref name="text"/> to at most <paramref name="maxTextElements"/> user-perceived characters, the last
    /// being an ellipsis, never cutting a grapheme cluster or surrogate pair. Returns the text unchanged when it fits.
    /// For places where the full text is offered elsewhere.
    /// </summary>
    public static string Truncate(string text, int maxTextElements)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTextElements, 1);
        var count = 0;
        var cut = 0;
        for (var position = 0; position < text.Length; position += StringInfo.GetNextTextElementLength(text.AsSpan(position)))
        {
            count++;
            if (count == maxTextElements)
            {
                cut = position;
            }
            else if (count > maxTextElements)
            {
                return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis);
            }
        }

        return text;
    }

    // Cards show a tab as a space: a TextBlock has no tab stops.
    private static string RemoveUnsafeCharacters(string text) => UnsafeCharacters.Remove(text).Replace('\t', ' ');

    private static string DefuseInlineSyntax(string text)
    {
        var pairable = new HashSet<char>();
        foreach (var delimiter in LookAlikes.Keys)
        {
            if (text.AsSpan().Count(delimiter) >= 2)
            {
                pairable.Add(delimiter);
            }
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (pairable.Contains(c))
            {
                builder.Append(LookAlikes[c]);
                continue;
            }

            builder.Append(c);
            var breaksSyntax = c switch
            {
                ']' => next is '(' or '[' or ':',
                '<' => char.IsAsciiLetter(next) || next is '/' or '!' or '?',
                '&' => EntityAhead().IsMatch(text.AsSpan(i + 1)),
                '{' => next == '{',
                '\\' => next is > ' ' and < '\u007F' && !char.IsAsciiLetterOrDigit(next), // an escape would swallow the backslash
                ':' => text.AsSpan(i + 1).StartsWith("//"),
                _ when next == ':' => EndsWithWord(text.AsSpan(0, i + 1), "mailto") || EndsWithWord(text.AsSpan(0, i + 1), "tel"),
                _ when next == '.' => EndsWithWord(text.AsSpan(0, i + 1), "www"),
                _ => false,
            };
            if (breaksSyntax)
            {
                builder.Append(ZeroWidthSpace);
            }
        }

        return builder.ToString();
    }

    // Hosts that turn bare addresses into links look for "scheme://", "mailto:", "tel:" or "www." written together.
    private static bool EndsWithWord(ReadOnlySpan<char> before, string word) =>
        before.EndsWith(word, StringComparison.OrdinalIgnoreCase)
        && (before.Length == word.Length || !char.IsLetterOrDigit(before[^(word.Length + 1)]));

    private static string DefuseLineStarts(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.AsSpan().Trim(" \u00A0\u3000");
            if (line.IsEmpty)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            if (StartsWithBlockMarker(line))
            {
                builder.Append(ZeroWidthSpace);
            }

            builder.Append(line);
        }

        return builder.ToString();
    }

    private static bool StartsWithBlockMarker(ReadOnlySpan<char> line)
    {
        if ("#>-+*=|:~`[".Contains(line[0]))
        {
            return true;
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < line.Length && line[digits] is '.' or ')';
    }

    private static string BreakLongRuns(string text)
    {
        if (text.Length <= LongWordLimit)
        {
            return text;
        }

        // Line-break opportunities as a renderer finds them: spaces, after hyphens and slashes, and between Thai words.
        // One iterator per thread (see ThaiWordSegmenter): it holds the text it walks.
        var breaks = t_lineBreaks ??= BreakIterator.GetLineInstance(CultureInfo.InvariantCulture);
        breaks.SetText(text);
        var builder = new StringBuilder(text.Length + 16);
        var start = breaks.First();
        for (var end = breaks.Next(); end != BreakIterator.Done; start = end, end = breaks.Next())
        {
            var run = text.AsSpan(start, end - start);
            var elements = 0;
            for (var position = 0; position < run.Length;)
            {
                var length = StringInfo.GetNextTextElementLength(run[position..]);
                if (elements == LongWordLimit && !char.IsWhiteSpace(run[position]) && run[position] != ZeroWidthSpace)
                {
                    builder.Append(ZeroWidthSpace);
                    elements = 0;
                }

                builder.Append(run.Slice(position, length));
                elements++;
                position += length;
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"<!--[\s\S]*?-->|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^#?[A-Za-z0-9]{1,32};", RegexOptions.CultureInvariant)]
    private static partial Regex EntityAhead();
}
