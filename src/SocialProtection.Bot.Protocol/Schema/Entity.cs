using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>
/// An activity entity. Mentions (<c>type: "mention"</c>) use <see cref="Mentioned"/> and <see cref="Text"/>;
/// everything else (clientInfo, …) lives in <see cref="ExtensionData"/>.
/// </summary>
public sealed record Entity
{
    public const string MentionType = "mention";

    public string? Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
