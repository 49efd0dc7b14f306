using System.Globalization;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Localization;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// The words only the Word report uses, in Thai and English, from the embedded Localization/report-document-text.json
/// (the words all reports share stay in summary-text.json). Templates use {0}, {1}… filled with invariant formatting.
/// </summary>
public sealed class ReportDocumentText
{
    public const string ResourceName = "SocialProtection.Bot.Workshop.Localization.report-document-text.json";

    private readonly Dictionary<string, LocalizedText> _texts;

    private ReportDocumentText(Dictionary<string, LocalizedText> texts) => _texts = texts;

    public static ReportDocumentText Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> Keys => _texts.Keys;

    public string Format(string key, Language language, params object[] args)
    {
        var template = _texts.TryGetValue(key, out var text) ? text.In(language) : throw new KeyNotFoundException($"No report document text has the key '{key}'.");
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }

    private static ReportDocumentText LoadEmbedded()
    {
        using var stream = typeof(ReportDocumentText).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        var entries = JsonSerializer.Deserialize<Dictionary<string, LocalizedText>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The report document texts are empty.");
        foreach (var (key, entry) in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Th) || string.IsNullOrWhiteSpace(entry.En))
            {
                throw new InvalidOperationException($"The report document text '{key}' lacks its Thai or English version.");
            }
        }
        return new ReportDocumentText(new Dictionary<string, LocalizedText>(entries, StringComparer.Ordinal));
    }
}
