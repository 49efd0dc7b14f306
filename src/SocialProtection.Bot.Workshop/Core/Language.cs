namespace SocialProtection.Bot.Workshop.Core;

/// <summary>The languages every user-facing string exists in.</summary>
public enum Language
{
    Thai,
    English,
}

/// <summary>Maps BCP 47 codes such as "th", "th-TH" or "en-US" (as Teams sends in <c>locale</c>) to <see cref="Language"/>.</summary>
internal static class LanguageCodes
{
    /// <summary>Reads the primary subtag only, so any Thai or English region or script variant is recognised.</summary>
    public static bool TryParse(string? code, out Language language)
    {
        language = default;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var span = code.AsSpan().Trim();
        var end = span.IndexOfAny('-', '_');
        var primary = end < 0 ? span : span[..end];
        if (primary.Equals("th", StringComparison.OrdinalIgnoreCase))
        {
            language = Language.Thai;
            return true;
        }

        if (primary.Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            language = Language.English;
            return true;
        }

        return false;
    }

    /// <summary>The language for <paramref name="code"/>, or <paramref name="fallback"/> when it is missing or neither Thai nor English.</summary>
    public static Language ParseOrDefault(string? code, Language fallback) =>
        TryParse(code, out var language) ? language : fallback;

    /// <summary>The two-letter code: "th" or "en".</summary>
    public static string ToCode(this Language language) => language switch
    {
        Language.Thai => "th",
        Language.English => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown language."),
    };
}
