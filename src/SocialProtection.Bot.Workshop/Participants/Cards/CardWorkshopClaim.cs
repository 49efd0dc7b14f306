namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>
/// The workshop a pressed card says it belongs to (<see cref="CardActionData.Workshop"/>). It is only a claim: a user
/// can forge it, so it is used only where the user already has a record in that workshop.
/// </summary>
internal static class CardWorkshopClaim
{
    /// <summary>The longest workshop id: the configured default may have 64 characters, generated ones have 10.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="id"/> can be a workshop id.</summary>
    public static bool IsWorkshopId(string id) => id is { Length: > 0 and <= MaxLength } && id.All(IsIdCharacter);

    private static bool IsIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
