using System.Text.Json;

namespace SocialProtection.Bot.TestSupport;

/// <summary>Lenient reads of optional properties in JSON the Playground produces (its shapes are internal and unversioned).</summary>
internal static class JsonElementReading
{
    public static string? GetStringOrNull(this JsonElement element, string propertyName) =>
        element.ValueKind == JsonValueKind.Object &&
        element.TryGetProperty(propertyName, out var value) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A string or a number as text: the Playground writes some ids as either.</summary>
    public static string? GetScalarText(this JsonElement element, string propertyName)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(propertyName, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
