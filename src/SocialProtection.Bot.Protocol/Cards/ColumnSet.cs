namespace SocialProtection.Bot.Protocol.Cards;

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : AdaptiveElement;
