using System.Text.Json;

namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>
/// <c>Action.Execute</c> (Universal Actions): the host sends an <c>adaptiveCard/action</c> invoke carrying
/// <see cref="Verb"/> and <see cref="Data"/> merged with the card's inputs.
/// </summary>
public sealed record ExecuteAction : AdaptiveAction
{
    public string? Verb { get; init; }

    /// <summary>A JSON object; the inputs' values are merged into it.</summary>
    public JsonElement? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }

    /// <summary>
    /// An Execute action carrying <paramref name="data"/> (with the verb in it), with an <c>Action.Submit</c> fallback
    /// carrying the same, for hosts where Universal Actions do not work (Teams mobile).
    /// </summary>
    public static ExecuteAction WithSubmitFallback(string title, string verb, CardData data, AssociatedInputs? associatedInputs = null)
    {
        var element = CardDataJson.Write(data, verb);
        return new ExecuteAction
        {
            Title = title,
            Verb = verb,
            Data = element,
            AssociatedInputs = associatedInputs,
            Fallback = new SubmitAction { Title = title, Data = element, AssociatedInputs = associatedInputs },
        };
    }
}
