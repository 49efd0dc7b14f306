namespace SocialProtection.Bot.Protocol.Cards;

public sealed record Container(IReadOnlyList<AdaptiveElement> Items) : AdaptiveElement
{
    public ContainerStyle? Style { get; init; }
    public bool? Bleed { get; init; }
}
