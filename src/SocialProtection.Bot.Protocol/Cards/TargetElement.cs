namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>An element <see cref="ToggleVisibilityAction"/> acts on; <see cref="IsVisible"/> null toggles it.</summary>
public sealed record TargetElement(string ElementId)
{
    public bool? IsVisible { get; init; }
}
