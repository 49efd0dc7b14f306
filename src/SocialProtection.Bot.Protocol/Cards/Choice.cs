namespace SocialProtection.Bot.Protocol.Cards;

public sealed record Choice(string Title, string Value);
