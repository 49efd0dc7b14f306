using System.Text.Json;

namespace SocialProtection.Bot.TestSupport;

/// <summary>The Playground's own view of its setup (<c>GET /_internal/v1/testConfig</c>).</summary>
/// <param name="GroupChatMemberIds">Members of the group chat besides the current user.</param>
/// <param name="ChannelIds">The team's channels, General (id = team id) first.</param>
/// <param name="Locale">The locale it puts into activities (always <c>en-US</c> in 0.2.28).</param>
/// <param name="Raw">The whole answer.</param>
public sealed record PlaygroundTestConfig(
    string TenantId,
    string BotId,
    string BotName,
    string CurrentUserId,
    string PersonalChatId,
    string GroupChatId,
    IReadOnlyList<string> GroupChatMemberIds,
    string TeamId,
    IReadOnlyList<string> ChannelIds,
    string? Locale,
    string? ChannelId,
    JsonElement Raw)
{
    internal static PlaygroundTestConfig Parse(JsonElement root)
    {
        var config = root.GetProperty("config");
        var groupChat = config.GetProperty("groupChats")[0];
        var team = config.GetProperty("teams")[0];
        var internalConfig = root.TryGetProperty("internalConfig", out var ic) ? ic : default;
        return new PlaygroundTestConfig(
            TenantId: config.GetProperty("tenantId").GetString()!,
            BotId: config.GetProperty("bot").GetProperty("id").GetString()!,
            BotName: config.GetProperty("bot").GetProperty("name").GetString()!,
            CurrentUserId: config.GetProperty("currentUser").GetProperty("id").GetString()!,
            PersonalChatId: config.GetProperty("personalChat").GetProperty("id").GetString()!,
            GroupChatId: groupChat.GetProperty("id").GetString()!,
            GroupChatMemberIds: groupChat.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToArray(),
            TeamId: team.GetProperty("id").GetString()!,
            ChannelIds: team.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray(),
            Locale: internalConfig.GetStringOrNull("locale"),
            ChannelId: internalConfig.GetStringOrNull("channelId"),
            Raw: root.Clone());
    }
}
