using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Checks of the untrusted values reminder and follow-up cards send back.</summary>
internal static partial class ReminderActionInput
{
    /// <summary>True for an id as the bot writes them into cards: 1–64 of A-Z, a-z, 0-9, '_' and '-'.</summary>
    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    /// <summary>A user's note: trimmed; null when empty; false when it is too long.</summary>
    public static bool TryNote(string? text, int maxLength, out string? note)
    {
        note = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length > maxLength)
        {
            return false;
        }
        note = trimmed.Length == 0 ? null : trimmed;
        return true;
    }

    /// <summary>"HH:00" (an hour choice) or null for anything else.</summary>
    public static TimeOnly? Hour(string? value) =>
        value is { Length: 5 } && value[2] == ':' && value.EndsWith(":00", StringComparison.Ordinal)
        && int.TryParse(value.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
        && hour is >= 0 and < 24
            ? new TimeOnly(hour, 0)
            : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
