using System.Text.Json;

namespace SocialProtection.Bot.Protocol.Cards;

/// <summary><c>Action.Submit</c>: in Teams, a message activity with no text whose <c>value</c> is the data merged with the inputs.</summary>
public sealed record SubmitAction : AdaptiveAction
{
    public JsonElement? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}
