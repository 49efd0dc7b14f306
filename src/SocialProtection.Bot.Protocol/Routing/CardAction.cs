using SocialProtection.Bot.Protocol.Cards;

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
/// A pressed card button, whichever way it arrived, with its data already read into the record the card was built
/// with. <see cref="Data"/> is well-formed but still untrusted: it says what the user claims to have pressed.
/// </summary>
public sealed record CardAction<TData>(
    string Verb,
    TData Data,
    CardActionSource Source,
    string? ReplyToId,
    bool IsRefresh)
    where TData : CardData;
