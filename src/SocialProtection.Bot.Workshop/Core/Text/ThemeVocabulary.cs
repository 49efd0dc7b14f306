using System.Collections.Frozen;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>The curated stop-word lists (embedded resources) that decide each word's <see cref="WordRole"/>.</summary>
internal static class ThemeVocabulary
{
    private const string ResourcePrefix = "SocialProtection.Bot.Workshop.Text.Resources.";

    private static readonly FrozenSet<string> Nominalizers;
    private static readonly FrozenSet<string> LightVerbs;
    private static readonly FrozenSet<string> StopWords;

    static ThemeVocabulary()
    {
        using var thai = Load("ThaiStopWords.json");
        using var english = Load("EnglishStopWords.json");
        Nominalizers = ReadList(thai, "nominalizers").ToFrozenSet(StringComparer.Ordinal);
        LightVerbs = ReadList(thai, "verbs").ToFrozenSet(StringComparer.Ordinal);
        StopWords = ReadList(thai, "functionWords").Concat(ReadList(english, "words")).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Every word that may not start or end a theme on its own (nominalizers, light verbs, function words).</summary>
    public static IEnumerable<string> AllStopWords => Nominalizers.Concat(LightVerbs).Concat(StopWords);

    public static WordRole RoleOf(WordToken token)
    {
        // A lone letter (ก, ๆ, "a") is not a topic; a one-letter word with its vowel (มี, ดี) may be.
        if (token.Kind == TokenKind.Number || token.Text.Length == 1)
        {
            return WordRole.Weak;
        }

        if (Nominalizers.Contains(token.Text))
        {
            return WordRole.Nominalizer;
        }

        if (LightVerbs.Contains(token.Text))
        {
            return WordRole.LightVerb;
        }

        return StopWords.Contains(token.Text) ? WordRole.Stop : WordRole.Content;
    }

    private static JsonDocument Load(string name)
    {
        using var stream = typeof(ThemeVocabulary).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the Workshop assembly.");
        return JsonDocument.Parse(stream);
    }

    private static string[] ReadList(JsonDocument document, string property) =>
        document.RootElement.GetProperty(property).EnumerateArray()
            .Select(item => item.GetString() ?? throw new InvalidOperationException($"A null entry in the stop-word list '{property}'."))
            .ToArray();
}
