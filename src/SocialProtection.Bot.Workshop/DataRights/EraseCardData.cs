using System.Text.Json.Serialization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>The erasure confirmation card's buttons' data: the language the card was shown in, so the answer is in the same one.</summary>
internal sealed record EraseCardData : CardData
{
    [JsonPropertyName("lang")]
    public string? Language { get; init; }

    /// <summary>The card's language; Thai when the code is missing or unknown.</summary>
    [JsonIgnore]
    public Language ShownIn => LanguageCodes.TryParse(Language, out var language) ? language : Core.Language.Thai;
}
