using System.Globalization;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Localization;

/// <summary>
/// Every string the participant reads that is not part of a question set, in Thai and English, loaded from the
/// embedded Localization/ui-text.json. Templates use {0}, {1}… and are filled with invariant formatting.
/// </summary>
public sealed class UiText
{
    public const string ResourceName = "SocialProtection.Bot.Workshop.Localization.ui-text.json";

    private readonly Dictionary<string, LocalizedText> _texts;

    private UiText(Dictionary<string, LocalizedText> texts) => _texts = texts;

    public static UiText Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> Keys => _texts.Keys;

    public LocalizedText this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No UI text has the key '{key}'.");

    public string Get(string key, Language language) => this[key].In(language);

    public string Format(Notice notice, Language language) => Format(notice.Key, language, [.. notice.Args]);

    public string Format(string key, Language language, params string[] args) =>
        args.Length == 0 ? Get(key, language) : string.Format(CultureInfo.InvariantCulture, Get(key, language), args);

    private static UiText LoadEmbedded()
    {
        using var stream = typeof(UiText).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        var entries = JsonSerializer.Deserialize<Dictionary<string, Entry>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The UI texts are empty.");
        var texts = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Th) || string.IsNullOrWhiteSpace(entry.En))
            {
                throw new InvalidOperationException($"The UI text '{key}' lacks its Thai or English version.");
            }
            texts[key] = new LocalizedText(entry.Th, entry.En);
        }
        return new UiText(texts);
    }

    private sealed record Entry(string? Th, string? En);
}
