namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>
/// An input whose value is sent with the card's actions under its <see cref="AdaptiveElement.Id"/>.
/// Client-side validation (<see cref="IsRequired"/>) is a convenience only: the bot validates again.
/// </summary>
public abstract record AdaptiveInput : AdaptiveElement
{
    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    /// <summary>Shown by the client when its own validation fails.</summary>
    public string? ErrorMessage { get; init; }
}
