using System.Text.Json;
using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Routing;

/// <summary>
/// The bodies Teams expects for <c>adaptiveCard/action</c>: HTTP 200 with the card's own status inside
/// (<c>{statusCode, type, value}</c>).
/// </summary>
public static class AdaptiveCardInvokeResponses
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static InvokeResponse Card(JsonElement card) => Ok(new { statusCode = 200, type = CardType, value = card });

    public static InvokeResponse Message(string text) => Ok(new { statusCode = 200, type = MessageType, value = text });

    public static InvokeResponse Error(int status, string code, string message) =>
        Ok(new { statusCode = status, type = ErrorType, value = new { code, message } });

    public static InvokeResponse From(CardActionResult result) => result switch
    {
        CardActionResult.ReplaceCard replace when replace.Card.Content is { } content => Card(content),
        CardActionResult.Message message => Message(message.Text),
        CardActionResult.Error error => Error(error.Status, error.Code, error.Text),
        _ => new InvokeResponse(200),
    };

    private static InvokeResponse Ok(object body) =>
        new(200, JsonSerializer.SerializeToElement(body, ProtocolJson.Options));
}
