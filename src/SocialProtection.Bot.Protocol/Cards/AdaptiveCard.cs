using System.Text.Json.Serialization;
using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>
/// An Adaptive Card. Version 1.5 by default: the highest Teams renders for bot messages and the lowest that
/// carries Universal Actions (<see cref="ExecuteAction"/>) and <see cref="Refresh"/>.
/// </summary>
public sealed record AdaptiveCard
{
    public const string DefaultVersion = "1.5";

    [JsonPropertyOrder(-10)]
    public string Type { get; } = "AdaptiveCard";

    [JsonPropertyOrder(-9)]
    public string Version { get; init; } = DefaultVersion;

    public IReadOnlyList<AdaptiveElement>? Body { get; init; }

    public IReadOnlyList<AdaptiveAction>? Actions { get; init; }

    /// <summary>Shown by hosts that cannot render the card; always set it (Teams' behaviour is undocumented).</summary>
    public string? FallbackText { get; init; }

    /// <summary>Lets the host ask the bot for an up-to-date card when the card is viewed.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>BCP 47 language of the card's text, for screen readers and hyphenation.</summary>
    public string? Lang { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; }

    /// <summary>This card as a message attachment.</summary>
    public Attachment ToAttachment() => new()
    {
        ContentType = Attachment.AdaptiveCardContentType,
        Content = AdaptiveCardJson.ToElement(this),
    };
}
