namespace SocialProtection.Bot.Protocol.Cards;

public sealed record NumberInput : AdaptiveInput
{
    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public string? Placeholder { get; init; }
}
