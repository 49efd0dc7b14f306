using System.Globalization;
using System.Text.Json.Serialization;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// What a facilitator typed into the set-up card, exactly as sent (so the card can be shown again with it after a
/// mistake), and its validation into a <see cref="WorkshopSetupForm"/>.
/// </summary>
internal sealed record WorkshopSetupInput : WorkshopCardData
{
    public const int MaxTitleLength = 200;
    public const int MaxGroupNameLength = 80;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d"];

    public string? Title { get; init; }
    public string? Date { get; init; }

    /// <summary>One group name per line.</summary>
    public string? Groups { get; init; }
    public string? Visibility { get; init; }

    [JsonPropertyName(FacilitationFields.QuestionSet)]
    public string? QuestionSetId { get; init; }

    public string? Language { get; init; }

    public override bool IsWellFormed() =>
        base.IsWellFormed() && WithinLimit(Title, Date, Groups, Visibility, QuestionSetId, Language);

    /// <summary>The valid form, or null with every problem found (text keys and their arguments).</summary>
    public WorkshopSetupForm? Validate(int maxGroups, QuestionSetCatalog sets, out IReadOnlyList<(string Key, object[] Args)> problems)
    {
        var found = new List<(string, object[])>();
        var title = Clean(Title);
        if (title.Length == 0)
        {
            found.Add((FacilitationTextKeys.SetupErrorTitle, []));
        }
        else if (TextLength.Count(title) > MaxTitleLength)
        {
            found.Add((FacilitationTextKeys.SetupErrorTitleTooLong, [MaxTitleLength]));
        }

        DateOnly date = default;
        var dateText = Date?.Trim() ?? "";
        if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && !ThaiDateParser.TryParse(dateText, out date))
        {
            found.Add((FacilitationTextKeys.SetupErrorDate, []));
        }
        else if (date.Year is < ThaiDateParser.MinYear or > ThaiDateParser.MaxYear)
        {
            found.Add((FacilitationTextKeys.SetupErrorDate, []));
        }

        var names = (Groups ?? "").Split('\n').Select(Clean).Where(n => n.Length > 0).ToList();
        if (names.Count > maxGroups)
        {
            found.Add((FacilitationTextKeys.SetupErrorTooManyGroups, [maxGroups]));
        }
        if (names.Any(n => TextLength.Count(n) > MaxGroupNameLength))
        {
            found.Add((FacilitationTextKeys.SetupErrorGroupTooLong, [MaxGroupNameLength]));
        }
        if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            found.Add((FacilitationTextKeys.SetupErrorDuplicateGroup, [CardText.Escape(duplicate.Key)]));
        }

        AnswerVisibility? visibility = (Visibility?.Trim() ?? FacilitationFields.Anonymous) switch
        {
            "" or FacilitationFields.Anonymous => AnswerVisibility.Anonymous,
            FacilitationFields.Named => AnswerVisibility.Named,
            _ => null,
        };
        if (visibility is null)
        {
            found.Add((FacilitationTextKeys.SetupErrorVisibility, []));
        }

        // Older set-up cards have no language field: Thai, the workshop's default.
        var language = (Language?.Trim() ?? "") switch
        {
            "" or FacilitationFields.Thai => FacilitationFields.Thai,
            FacilitationFields.English => FacilitationFields.English,
            _ => null,
        };
        if (language is null)
        {
            found.Add((FacilitationTextKeys.SetupErrorLanguage, []));
        }

        var set = string.IsNullOrWhiteSpace(QuestionSetId) ? sets.Default : sets.Find(QuestionSetId.Trim());
        if (set is null)
        {
            found.Add((FacilitationTextKeys.SetupErrorQuestionSet, []));
        }

        problems = found;
        return found.Count > 0
            ? null
            : new WorkshopSetupForm(WorkshopId, title, date, names, visibility!.Value, set!.Id, language!);
    }

    // One line, no control characters, single spaces: a title or a group name is a label, not a paragraph.
    private static string Clean(string? text) =>
        string.Join(' ', new string((text ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray())
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
