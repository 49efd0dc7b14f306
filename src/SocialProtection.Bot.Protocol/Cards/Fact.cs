namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>A title/value pair of a <see cref="FactSet"/>; both are parsed as markdown by Teams.</summary>
public sealed record Fact(string Title, string Value);
