namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>
/// <c>Input.ChoiceSet</c>. With <see cref="IsMultiSelect"/> the submitted value is the chosen values joined by commas,
/// so choice values must not contain commas.
/// </summary>
public sealed record ChoiceSetInput(IReadOnlyList<Choice> Choices) : AdaptiveInput
{
    public ChoiceInputStyle? Style { get; init; }
    public bool? IsMultiSelect { get; init; }
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public bool? Wrap { get; init; }
}
