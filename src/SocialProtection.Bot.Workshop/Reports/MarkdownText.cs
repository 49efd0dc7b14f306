using System.Text;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>
/// User text made literal in CommonMark: every ASCII punctuation character that can start or close markup is
/// backslash-escaped (CommonMark allows the escape for all of them), so no link, image, emphasis, code, HTML tag,
/// entity, heading, list or table cell can form; the rest (. , : ; ? / and such) stay as written so the file reads
/// naturally, except a '.' or ')' after leading digits, which would start a numbered list. Control characters go
/// and line breaks become spaces or hard breaks as the caller asks.
/// </summary>
internal static class MarkdownText
{
    /// <summary>One line: line breaks become spaces (for table cells and headings).</summary>
    public static string Inline(string text) => Escape(text, "  ");

    /// <summary>
    /// Text that may span lines, inside a list item: each line ends with a hard break and the next is indented under
    /// the item. Blank lines are dropped so the item never ends early.
    /// </summary>
    public static string Block(string text) => Escape(text, "\\\n  ");

    private const string Markup = "\\`*_{}[]()#+-!|<>&~=^";

    private static string Escape(string text, string lineBreak)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = UnsafeCharacters.Remove(text);
        var builder = new StringBuilder(text.Length + 16);
        var lines = text.ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0);
        var first = true;
        foreach (var line in lines)
        {
            if (!first)
            {
                builder.Append(lineBreak);
            }
            first = false;
            var leadingDigits = true;
            foreach (var c in line)
            {
                if (char.IsControl(c))
                {
                    builder.Append(' ');
                    leadingDigits = false;
                    continue;
                }
                if (Markup.Contains(c, StringComparison.Ordinal) || (leadingDigits && c is '.' or ')'))
                {
                    builder.Append('\\');
                }
                leadingDigits &= char.IsAsciiDigit(c);
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
