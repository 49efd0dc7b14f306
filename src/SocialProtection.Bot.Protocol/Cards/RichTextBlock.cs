namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>Text made of runs; markdown is not parsed, so it is the safe home for text a user typed.</summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : AdaptiveElement
{
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}
