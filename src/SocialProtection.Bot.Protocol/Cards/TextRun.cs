using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>A run of plain text inside a <see cref="RichTextBlock"/>.</summary>
public sealed record TextRun(string Text)
{
    [JsonPropertyOrder(-10)]
    public string Type { get; } = "TextRun";

    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public bool? Italic { get; init; }
}
