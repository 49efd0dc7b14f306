using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Turns;

/// <summary>Builds outgoing message activities.</summary>
public static class MessageFactory
{
    public static Activity Text(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "markdown",
    };

    /// <summary>A card in an activity of its own, so the channel returns an id the bot can update later.</summary>
    public static Activity Card(Attachment card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [card],
    };
}
