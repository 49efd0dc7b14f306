using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>A button. Serialized with its Adaptive Cards <c>type</c> name first.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract record AdaptiveAction
{
    public string? Title { get; init; }

    public string? Id { get; init; }

    public string? Tooltip { get; init; }

    /// <summary>What a host that does not know this action renders instead.</summary>
    public AdaptiveAction? Fallback { get; init; }
}
