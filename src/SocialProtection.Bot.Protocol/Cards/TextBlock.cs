namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>
/// Text that Teams renders as a markdown subset. Never put user text here unescaped:
/// use <see cref="RichTextBlock"/> for it.
/// </summary>
public sealed record TextBlock(string Text) : AdaptiveElement
{
    public bool? Wrap { get; init; }
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }

    /// <summary>"heading" marks the block as a heading for screen readers (1.5).</summary>
    public TextBlockStyle? Style { get; init; }
}
