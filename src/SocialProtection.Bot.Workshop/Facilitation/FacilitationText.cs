using System.Globalization;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// The strings of the facilitator side (set-up, kickoff, joining, progress, summaries and reports in the channel), in
/// Thai and English, from the embedded Localization/facilitation-text.json: the same mechanism as the participant's
/// ui-text.json, kept in a file of its own. Templates use {0}, {1}… and are filled with invariant formatting. Values
/// are card markdown; arguments that hold user text must be escaped by the caller.
/// </summary>
public sealed class FacilitationText
{
    public const string ResourceName = "SocialProtection.Bot.Workshop.Localization.facilitation-text.json";

    private readonly Dictionary<string, LocalizedText> _texts;

    private FacilitationText(Dictionary<string, LocalizedText> texts) => _texts = texts;

    public static FacilitationText Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> Keys => _texts.Keys;

    public LocalizedText this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No facilitation text has the key '{key}'.");

    public string Format(string key, Language language, params object[] args) =>
        args.Length == 0 ? this[key].In(language) : string.Format(CultureInfo.InvariantCulture, this[key].In(language), args);

    /// <summary>Both languages, Thai first, on one line: "ตอบคำถาม / Answer".</summary>
    public string Both(string key, params object[] args) =>
        Format(key, Language.Thai, args) + " / " + Format(key, Language.English, args);

    /// <summary>The key's template filled in each language.</summary>
    public LocalizedText Localized(string key, params object[] args) =>
        new(Format(key, Language.Thai, args), Format(key, Language.English, args));

    /// <summary>Both languages as two paragraphs, Thai first: for chat messages too long for one line.</summary>
    public string Paragraphs(string key, params object[] args) =>
        Format(key, Language.Thai, args) + "\n\n" + Format(key, Language.English, args);

    private static FacilitationText LoadEmbedded()
    {
        using var stream = typeof(FacilitationText).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        var entries = JsonSerializer.Deserialize<Dictionary<string, Entry>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The facilitation texts are empty.");
        var texts = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Th) || string.IsNullOrWhiteSpace(entry.En))
            {
                throw new InvalidOperationException($"The facilitation text '{key}' lacks its Thai or English version.");
            }
            texts[key] = new LocalizedText(entry.Th, entry.En);
        }
        return new FacilitationText(texts);
    }

    private sealed record Entry(string? Th, string? En);
}
