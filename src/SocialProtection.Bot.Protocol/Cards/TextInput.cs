namespace SocialProtection.Bot.Protocol.Cards;

/// <summary><c>Input.Text</c>. <see cref="MaxLength"/> counts UTF-16 code units in the client.</summary>
public sealed record TextInput : AdaptiveInput
{
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public TextInputStyle? Style { get; init; }
    public string? Regex { get; init; }
}
