namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>Buttons placed inside the body, e.g. next to the item they act on.</summary>
public sealed record ActionSet(IReadOnlyList<AdaptiveAction> Actions) : AdaptiveElement;
