namespace SocialProtection.Bot.Protocol.Cards;

/// <summary><c>Input.Date</c>; values, <see cref="Min"/> and <see cref="Max"/> are <c>yyyy-MM-dd</c>.</summary>
public sealed record DateInput : AdaptiveInput
{
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
    public string? Placeholder { get; init; }
}
