using System.Collections.Frozen;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// Compound words that ICU's Thai dictionary engine splits (it favours shorter dictionary words: ICU4C and browsers
/// split เครือข่าย into เครือ|ข่าย just as ICU4N does), loaded from the embedded ThaiCompounds.json.
/// </summary>
internal static class ThaiCompounds
{
    private const string ResourceName = "SocialProtection.Bot.Workshop.Text.Resources.ThaiCompounds.json";

    private static readonly FrozenSet<string> Words;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WordLookup;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrefixLookup;

    static ThaiCompounds()
    {
        using var stream = typeof(ThaiCompounds).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded resource ThaiCompounds.json is missing from the Workshop assembly.");
        using var document = JsonDocument.Parse(stream);
        var words = document.RootElement.GetProperty("words").EnumerateArray()
            .Select(item => ThaiTextNormalizer.Normalize(item.GetString()
                ?? throw new InvalidOperationException("A null entry in ThaiCompounds.json.")))
            .ToArray();
        Words = words.ToFrozenSet(StringComparer.Ordinal);
        WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        PrefixLookup = words.SelectMany(word => Enumerable.Range(1, word.Length).Select(length => word[..length]))
            .ToFrozenSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        MaxLength = words.Max(word => word.Length);
    }

    /// <summary>The longest compound, in UTF-16 code units.</summary>
    public static int MaxLength { get; }

    public static IReadOnlyCollection<string> All => Words;

    public static bool IsCompound(ReadOnlySpan<char> text) => WordLookup.Contains(text);

    public static bool IsPrefix(ReadOnlySpan<char> text) => PrefixLookup.Contains(text);
}
