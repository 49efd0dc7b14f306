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

    /// <summary>
    /// A mention of <paramref name="account"/>; the message text must contain the same <c>&lt;at&gt;name&lt;/at&gt;</c>
    /// (see <see cref="MentionText"/>) or Teams ignores the mention. Build it from ids the bot knows, never from user input.
    /// </summary>
    public static Entity Mention(ChannelAccount account) => new()
    {
        Type = MentionType,
        Mentioned = new ChannelAccount { Id = account.Id, Name = account.Name },
        Text = MentionText(account),
    };

    /// <summary>The text that marks a mention of <paramref name="account"/> inside a message.</summary>
    public static string MentionText(ChannelAccount account) => $"<at>{account.Name}</at>";

    public bool IsMentionOf(string? accountId) =>
        string.Equals(Type, MentionType, StringComparison.OrdinalIgnoreCase)
        && accountId is { Length: > 0 }
        && string.Equals(Mentioned?.Id, accountId, StringComparison.Ordinal);
}
