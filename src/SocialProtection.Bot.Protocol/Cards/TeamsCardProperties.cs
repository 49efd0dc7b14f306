namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>The card's Teams-only <c>msteams</c> block.</summary>
public sealed record TeamsCardProperties
{
    /// <summary>"full" stretches the card to the width of the chat.</summary>
    public string? Width { get; init; }

    public static TeamsCardProperties FullWidth { get; } = new() { Width = "full" };
}
