using System.Globalization;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>
/// The strings of summaries, dot votes and reports, in Thai and English, from the embedded
/// Localization/summary-text.json (kept apart from the participant dialog's ui-text.json). Templates use {0}, {1}…
/// and are filled with invariant formatting. Plain text: no markdown, so every renderer can use them as they are.
/// </summary>
public sealed class SummaryText
{
    public const string ResourceName = "SocialProtection.Bot.Workshop.Localization.summary-text.json";

    private readonly Dictionary<string, LocalizedText> _texts;

    private SummaryText(Dictionary<string, LocalizedText> texts) => _texts = texts;

    public static SummaryText Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> Keys => _texts.Keys;

    public LocalizedText this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No summary text has the key '{key}'.");

    public string Format(string key, Language language, params object[] args) =>
        args.Length == 0 ? this[key].In(language) : string.Format(CultureInfo.InvariantCulture, this[key].In(language), args);

    /// <summary>Both languages, Thai first: "ผู้เข้าร่วม 3 / Participant 3".</summary>
    public string Both(string key, params object[] args) =>
        Format(key, Language.Thai, args) + " / " + Format(key, Language.English, args);

    /// <summary>The key's template filled in each language.</summary>
    public LocalizedText Localized(string key, params object[] args) =>
        new(Format(key, Language.Thai, args), Format(key, Language.English, args));

    private static SummaryText LoadEmbedded()
    {
        using var stream = typeof(SummaryText).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        var entries = JsonSerializer.Deserialize<Dictionary<string, Entry>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The summary texts are empty.");
        var texts = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Th) || string.IsNullOrWhiteSpace(entry.En))
            {
                throw new InvalidOperationException($"The summary text '{key}' lacks its Thai or English version.");
            }
            texts[key] = new LocalizedText(entry.Th, entry.En);
        }
        return new SummaryText(texts);
    }

    private sealed record Entry(string? Th, string? En);
}
