using System.Text.Json;
using System.Text.RegularExpressions;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Reads and validates the untrusted data a reminder card sends back.</summary>
internal static partial class ReminderActionInput
{
    /// <summary>A string field, or null when it is missing, not a string or longer than <paramref name="maxLength"/>.</summary>
    public static string? String(JsonElement data, string field, int maxLength)
    {
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty(field, out var value)
            || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString();
        return text is not null && text.Length <= maxLength ? text : null;
    }

    /// <summary>True when the field is absent or a string (inputs left empty may be missing).</summary>
    public static bool IsStringOrMissing(JsonElement data, string field) =>
        data.ValueKind != JsonValueKind.Object
        || !data.TryGetProperty(field, out var value)
        || value.ValueKind is JsonValueKind.String or JsonValueKind.Null;

    /// <summary>An id as the bot writes them into cards: 1–64 of A-Z, a-z, 0-9, '_' and '-'.</summary>
    public static string? Id(JsonElement data, string field) =>
        String(data, field, 64) is { } id && IdPattern().IsMatch(id) ? id : null;

    /// <summary>A user's note: trimmed; null when empty; false when it is too long or not text.</summary>
    public static bool TryNote(JsonElement data, string field, int maxLength, out string? note)
    {
        note = null;
        if (!IsStringOrMissing(data, field))
        {
            return false;
        }

        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        var text = value.GetString()!.Trim();
        if (text.Length > maxLength)
        {
            return false;
        }

        note = text.Length == 0 ? null : text;
        return true;
    }

    /// <summary>"HH:00" (an hour choice) or null for anything else.</summary>
    public static TimeOnly? Hour(string? value) =>
        value is { Length: 5 } && value[2] == ':' && value.EndsWith(":00", StringComparison.Ordinal)
        && int.TryParse(value.AsSpan(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hour)
        && hour is >= 0 and < 24
            ? new TimeOnly(hour, 0)
            : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
