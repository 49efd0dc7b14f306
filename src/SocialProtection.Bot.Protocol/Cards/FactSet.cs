namespace SocialProtection.Bot.Protocol.Cards;

public sealed record FactSet(IReadOnlyList<Fact> Facts) : AdaptiveElement;
