using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>
/// Reads the workshop a pressed card says it belongs to (<see cref="CardDataFields.Workshop"/>). It is only a claim:
/// a user can forge it, so it is used only where the user already has a record in that workshop.
/// </summary>
internal static class CardWorkshopClaim
{
    /// <summary>The longest workshop id: the configured default may have 64 characters, generated ones have 10.</summary>
    public const int MaxLength = 64;

    /// <summary>The claimed workshop id, or null when there is none or it cannot be a workshop id.</summary>
    public static string? From(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(CardDataFields.Workshop, out var value) ? Read(value) : null;

    /// <summary>The value of the <see cref="CardDataFields.Workshop"/> field as a workshop id, or null when it cannot be one.</summary>
    public static string? Read(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= MaxLength } id && id.All(IsIdCharacter) ? id : null;

    private static bool IsIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
