namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>Reveals a nested card under the actions, e.g. to confirm a destructive choice.</summary>
public sealed record ShowCardAction(AdaptiveCard Card) : AdaptiveAction;
