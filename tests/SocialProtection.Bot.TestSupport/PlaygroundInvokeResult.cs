using System.Net;
using System.Text.Json;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// The outcome of an invoke sent through the Playground. On success the Playground passes on only the bot's
/// <c>type</c> and <c>value</c> (not its <c>statusCode</c>); when the bot answered non-2xx or could not be
/// reached the Playground answers 502 and <see cref="BotStatusCode"/> says what the bot answered.
/// </summary>
/// <param name="HttpStatus">The Playground's answer: 200, 502 (bot failed) or 400 (e.g. a replyToId not in the conversation).</param>
/// <param name="Type">The bot's invoke response type, e.g. <c>application/vnd.microsoft.card.adaptive</c>.</param>
/// <param name="Value">The bot's invoke response value (a card, a message text, an error object).</param>
/// <param name="BotStatusCode">On 502: the bot's HTTP status, if it answered at all.</param>
/// <param name="Body">The Playground's whole response body.</param>
public sealed record PlaygroundInvokeResult(
    HttpStatusCode HttpStatus,
    string? Type,
    JsonElement? Value,
    int? BotStatusCode,
    JsonElement Body)
{
    /// <summary>Invoke response type that replaces the card.</summary>
    public const string CardType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Invoke response type shown as a message bar under the card.</summary>
    public const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>Invoke response type shown as an error bar under the card.</summary>
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>The bot answered 2xx and the Playground accepted it.</summary>
    public bool Succeeded => HttpStatus == HttpStatusCode.OK;

    /// <summary>A one-line description for failure messages.</summary>
    public override string ToString() => $"{(int)HttpStatus} type={Type ?? "-"} botStatus={BotStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} body={Body.GetRawText()}";
}
