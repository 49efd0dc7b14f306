using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace SocialProtection.Bot.Workshop.Core.Localization;

/// <summary>
/// A feature's strings in Thai and English, loaded once from an embedded <c>{feature}-text.json</c> beside the feature
/// (<c>{ "key": { "th": "…", "en": "…" } }</c>). Templates use {0}, {1}… and are filled with invariant formatting; a
/// template used without arguments is returned as written. Every feature uses this one loader and these accessors.
/// </summary>
internal sealed class TextCatalog
{
    private const string ResourcePrefix = "SocialProtection.Bot.Workshop.Texts.";

    private readonly FrozenDictionary<string, LocalizedText> _texts;
    private readonly string _name;

    private TextCatalog(string name, FrozenDictionary<string, LocalizedText> texts)
    {
        _name = name;
        _texts = texts;
    }

    public IReadOnlyCollection<string> Keys => _texts.Keys;

    public LocalizedText this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"The text catalog '{_name}' has no key '{key}'.");

    public string Get(string key, Language language) => this[key].In(language);

    public string Format(string key, Language language, params object[] args) =>
        args.Length == 0 ? Get(key, language) : string.Format(CultureInfo.InvariantCulture, Get(key, language), args);

    public string Format(Notice notice, Language language) => Format(notice.Key, language, [.. notice.Args]);

    /// <summary>Both languages, Thai first, on one line: "ตอบคำถาม / Answer".</summary>
    public string Both(string key, params object[] args) =>
        Format(key, Language.Thai, args) + " / " + Format(key, Language.English, args);

    /// <summary>Both languages as two paragraphs, Thai first: for chat messages too long for one line.</summary>
    public string Paragraphs(string key, params object[] args) =>
        Format(key, Language.Thai, args) + "\n\n" + Format(key, Language.English, args);

    /// <summary>The key's template filled in each language.</summary>
    public LocalizedText Localized(string key, params object[] args) =>
        new(Format(key, Language.Thai, args), Format(key, Language.English, args));

    /// <summary>Loads <paramref name="fileName"/> (e.g. <c>summary-text.json</c>), embedded by the project under <c>Texts.</c>.</summary>
    public static TextCatalog Embedded(string fileName)
    {
        using var stream = typeof(TextCatalog).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"The embedded text catalog '{fileName}' is missing.");
        return Read(fileName, stream);
    }

    public static TextCatalog Read(string name, Stream json)
    {
        var entries = JsonSerializer.Deserialize<Dictionary<string, Entry>>(json, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"The text catalog '{name}' is empty.");
        var texts = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Th) || string.IsNullOrWhiteSpace(entry.En))
            {
                throw new InvalidOperationException($"The text '{key}' of '{name}' lacks its Thai or English version.");
            }
            texts[key] = new LocalizedText(entry.Th, entry.En);
        }
        return new TextCatalog(name, texts.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private sealed record Entry(string? Th, string? En);
}
