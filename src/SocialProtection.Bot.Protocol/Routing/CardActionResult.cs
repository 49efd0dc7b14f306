using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Routing;

/// <summary>
/// What a card action handler wants shown. The router turns it into an invoke response (Execute) or into
/// an update of the card's message / a new message (Submit), so handlers never care which path was used.
/// </summary>
public abstract record CardActionResult
{
    private CardActionResult() { }

    /// <summary>The pressed card is replaced in place by <see cref="Card"/>.</summary>
    public sealed record ReplaceCard(Attachment Card) : CardActionResult;

    /// <summary>A short message: a toast under the card for Execute, a chat message for Submit.</summary>
    public sealed record Message(string Text) : CardActionResult;

    /// <summary>The action was refused; the user sees <see cref="Text"/>.</summary>
    public sealed record Error(int Status, string Code, string Text) : CardActionResult;

    /// <summary>Nothing to show beyond what the handler already sent.</summary>
    public sealed record Done : CardActionResult;

    public static CardActionResult Replace(Attachment card) => new ReplaceCard(card);
    public static CardActionResult Toast(string text) => new Message(text);
    public static CardActionResult Refuse(string text, int status = 400, string code = "BadRequest") => new Error(status, code, text);
    public static CardActionResult Nothing { get; } = new Done();
}
