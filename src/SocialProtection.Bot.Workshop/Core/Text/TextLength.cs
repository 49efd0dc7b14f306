using System.Globalization;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// Lengths of user text. Limits shown to people count user-perceived characters (extended grapheme clusters),
/// so a Thai writer is not charged for above/below vowels and tone marks: "น้ำ" is one character, "ที่" one,
/// while spacing vowels such as เ, า, ะ are letters of their own and count ("เป็น" is three, "การ" three).
/// </summary>
internal static class TextLength
{
    /// <summary>The number of text elements (grapheme clusters); a lone surrogate counts as one.</summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Count(text.AsSpan());
    }

    /// <inheritdoc cref="Count(string)"/>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (!text.IsEmpty)
        {
            text = text[StringInfo.GetNextTextElementLength(text)..];
            count++;
        }

        return count;
    }

    /// <summary>The size the text takes in the Teams message size budget, reckoned at 2 bytes per UTF-16 code unit.</summary>
    public static long Utf16Bytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return 2L * text.Length;
    }
}
