using System.Globalization;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Every string of the data-rights feature (erasure, downloads, exports), in Thai and English, from the embedded
/// Localization/data-rights-text.json. Templates use {0}, {1}… and are filled with invariant formatting.
/// </summary>
public sealed class DataRightsText
{
    public const string ResourceName = "SocialProtection.Bot.Workshop.Localization.data-rights-text.json";

    private readonly Dictionary<string, LocalizedText> _texts;

    private DataRightsText(Dictionary<string, LocalizedText> texts) => _texts = texts;

    public static DataRightsText Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> Keys => _texts.Keys;

    public LocalizedText this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No data-rights text has the key '{key}'.");

    public string Get(string key, Language language) => this[key].In(language);

    public string Format(string key, Language language, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key, language), args);

    /// <summary>"ไทย / English", for places read by people of either language (file headers, browser pages).</summary>
    public string Both(string key, params object[] args)
    {
        var text = this[key];
        return string.Format(CultureInfo.InvariantCulture, text.Th, args) + " / " + string.Format(CultureInfo.InvariantCulture, text.En, args);
    }

    private static DataRightsText LoadEmbedded()
    {
        using var stream = typeof(DataRightsText).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        var entries = JsonSerializer.Deserialize<Dictionary<string, Entry>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The data-rights texts are empty.");
        var texts = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Th) || string.IsNullOrWhiteSpace(entry.En))
            {
                throw new InvalidOperationException($"The data-rights text '{key}' lacks its Thai or English version.");
            }
            texts[key] = new LocalizedText(entry.Th, entry.En);
        }
        return new DataRightsText(texts);
    }

    private sealed record Entry(string? Th, string? En);
}
