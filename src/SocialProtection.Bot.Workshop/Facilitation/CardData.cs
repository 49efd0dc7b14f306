using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Reads the data of a pressed facilitator-side card button strictly: only the fields the bot's own card has (plus
/// the verb and Teams' own "msteams" block), each a string of bounded length. Anything else makes the data invalid.
/// </summary>
internal static class CardData
{
    private const string TeamsField = "msteams";

    /// <summary>The named string fields, or null when the data has another field, a non-string value or a value over <paramref name="maxLength"/>.</summary>
    public static IReadOnlyDictionary<string, string>? Read(JsonElement data, string verb, IReadOnlyCollection<string> fields, int maxLength)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (property.Name == TeamsField || (property.Name == FacilitationFields.Verb && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() == verb))
            {
                continue;
            }
            if (!fields.Contains(property.Name) || values.ContainsKey(property.Name))
            {
                return null;
            }
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Null:
                    continue;
                case JsonValueKind.String when property.Value.GetString() is { } text && text.Length <= maxLength:
                    values[property.Name] = text;
                    break;
                default:
                    return null;
            }
        }
        return values;
    }

    /// <summary>The workshop id the card names, when it has the shape the bot gives ids.</summary>
    public static string? WorkshopId(IReadOnlyDictionary<string, string> values) =>
        values.TryGetValue(FacilitationFields.WorkshopId, out var id) && WorkshopIds.IsValid(id) ? id : null;
}
