using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>Thai numerals (๐–๙, U+0E50–U+0E59), which participants use for dates, item numbers and years.</summary>
internal static class ThaiDigits
{
    private const char ThaiZero = '\u0E50';
    private const char ThaiNine = '\u0E59';

    /// <summary>Replaces every Thai digit with the ASCII digit of the same value; everything else is kept.</summary>
    public static string ToAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfThaiDigit(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (destination, state) =>
        {
            state.text.AsSpan().CopyTo(destination);
            for (var i = state.first; i < destination.Length; i++)
            {
                if (IsThaiDigit(destination[i]))
                {
                    destination[i] = (char)('0' + (destination[i] - ThaiZero));
                }
            }
        });
    }

    /// <summary>Replaces every ASCII digit with the Thai digit of the same value (for Thai documents: "๓ ธันวาคม พ.ศ. ๒๕๖๙").</summary>
    public static string FromAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAnyInRange('0', '9') < 0
            ? text
            : string.Create(text.Length, text, static (destination, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    destination[i] = char.IsAsciiDigit(source[i]) ? (char)(ThaiZero + (source[i] - '0')) : source[i];
                }
            });
    }

    /// <summary>True for ๐ to ๙.</summary>
    public static bool IsThaiDigit(char c) => c is >= ThaiZero and <= ThaiNine;

    /// <summary>The index of the first Thai digit, or -1.</summary>
    public static int IndexOfThaiDigit(ReadOnlySpan<char> text) => text.IndexOfAnyInRange(ThaiZero, ThaiNine);
}
