using System.Text;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// The one place that removes, from user text, what could change how it shows without a reader seeing why, or break
/// a file format: C0 and C1 control characters other than tab and line breaks, bidirectional embeddings, overrides,
/// isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), lone surrogates and noncharacters
/// (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). Line breaks of any kind become '\n'; tabs stay. Cards, the Markdown, HTML and
/// CSV reports, the CSV and JSON exports and the Word report all call it, so a character dropped on one is dropped on
/// every one. Pure and thread-safe.
/// </summary>
internal static class UnsafeCharacters
{
    public static string Remove(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (!NeedsCleaning(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && !IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    builder.Append(c).Append(text[i + 1]);
                }
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                continue;
            }
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\u2028' or '\u2029' or '\u0085' or '\v' or '\f')
            {
                builder.Append('\n');
            }
            else if (c == '\t' || !IsRemoved(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (c is '\r' or '\u2028' or '\u2029' or '\u0085' or '\v' or '\f' || char.IsSurrogate(c) || (c != '\t' && c != '\n' && IsRemoved(c)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsRemoved(char c) =>
        char.IsControl(c) || char.IsLowSurrogate(c) || IsBidiControl(c) || IsNoncharacter(c);

    // Embeddings, overrides, isolates and marks can make text display in another order than it was written in.
    private static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
