using System.Globalization;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Every string of the follow-up feature, in Thai and English, from the embedded Localization/reminder-text.json.
/// Templates use {0}, {1}… and are filled with invariant formatting.
/// </summary>
public sealed class ReminderText
{
    public const string ResourceName = "SocialProtection.Bot.Workshop.Localization.reminder-text.json";

    private readonly Dictionary<string, LocalizedText> _texts;

    private ReminderText(Dictionary<string, LocalizedText> texts) => _texts = texts;

    public static ReminderText Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> Keys => _texts.Keys;

    public LocalizedText this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No reminder text has the key '{key}'.");

    public string Get(string key, Language language) => this[key].In(language);

    public string Format(string key, Language language, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key, language), args);

    private static ReminderText LoadEmbedded()
    {
        using var stream = typeof(ReminderText).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        var entries = JsonSerializer.Deserialize<Dictionary<string, Entry>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The reminder texts are empty.");
        var texts = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Th) || string.IsNullOrWhiteSpace(entry.En))
            {
                throw new InvalidOperationException($"The reminder text '{key}' lacks its Thai or English version.");
            }

            texts[key] = new LocalizedText(entry.Th, entry.En);
        }

        return new ReminderText(texts);
    }

    private sealed record Entry(string? Th, string? En);
}
