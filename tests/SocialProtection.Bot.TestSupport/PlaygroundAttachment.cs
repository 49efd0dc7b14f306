using System.Text.Json;

namespace SocialProtection.Bot.TestSupport;

/// <summary>An attachment of a message the bot sent, as the Playground shows it.</summary>
public sealed record PlaygroundAttachment(string ContentType, JsonElement Content)
{
    /// <summary>The content type of an Adaptive Card.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>True for an Adaptive Card.</summary>
    public bool IsAdaptiveCard => string.Equals(ContentType, AdaptiveCardContentType, StringComparison.OrdinalIgnoreCase);
}
