using System.Text;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>Month names and date wording in one language, from the embedded CalendarNames.json.</summary>
internal sealed record CalendarNames(
    IReadOnlyList<string> Months,
    IReadOnlyList<string> ShortMonths,
    IReadOnlyList<string> SpokenMonths,
    CompositeFormat LongDate,
    CompositeFormat ShortDate,
    CompositeFormat Time,
    CompositeFormat DateTime)
{
    private const string ResourceName = "SocialProtection.Bot.Workshop.Text.Resources.CalendarNames.json";

    public static CalendarNames Thai { get; }

    public static CalendarNames English { get; }

    static CalendarNames()
    {
        using var stream = typeof(CalendarNames).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded resource CalendarNames.json is missing from the Workshop assembly.");
        using var document = JsonDocument.Parse(stream);
        Thai = Read(document.RootElement.GetProperty("th"));
        English = Read(document.RootElement.GetProperty("en"));
    }

    public static CalendarNames For(Language language) => language switch
    {
        Language.Thai => Thai,
        Language.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown language."),
    };

    private static CalendarNames Read(JsonElement names)
    {
        var months = Strings(names, "months");
        var shortMonths = Strings(names, "shortMonths");
        var spokenMonths = Strings(names, "spokenMonths");
        if (months.Length != 12 || shortMonths.Length != 12 || spokenMonths.Length != 12)
        {
            throw new InvalidOperationException("CalendarNames.json must list twelve months of each kind per language.");
        }

        return new CalendarNames(
            months,
            shortMonths,
            spokenMonths,
            Format(names, "longDate"),
            Format(names, "shortDate"),
            Format(names, "time"),
            Format(names, "dateTime"));
    }

    private static string[] Strings(JsonElement names, string property) =>
        names.GetProperty(property).EnumerateArray()
            .Select(item => item.GetString() ?? throw new InvalidOperationException($"A null entry in CalendarNames.json '{property}'."))
            .ToArray();

    private static CompositeFormat Format(JsonElement names, string property) =>
        CompositeFormat.Parse(names.GetProperty(property).GetString()
            ?? throw new InvalidOperationException($"CalendarNames.json '{property}' is null."));
}
