using System.Text.Json;

namespace SocialProtection.Bot.Protocol.Routing;

/// <summary>How a card action reached the bot.</summary>
public enum CardActionSource
{
    /// <summary>An <c>Action.Execute</c>: an <c>adaptiveCard/action</c> invoke, answered synchronously.</summary>
    Execute,

    /// <summary>An <c>Action.Submit</c> (or an Execute that fell back to Submit, e.g. on Teams mobile): a message whose value holds the data.</summary>
    Submit,
}

/// <summary>
/// A pressed card button, whichever way it arrived. <see cref="Data"/> is the card's data merged with its
/// inputs: it is untrusted user input and must be validated by the handler.
/// </summary>
public sealed record CardAction(
    string Verb,
    JsonElement Data,
    CardActionSource Source,
    string? ReplyToId,
    bool IsRefresh);
