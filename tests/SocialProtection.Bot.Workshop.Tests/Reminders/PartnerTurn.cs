using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>A partner's press on a reminder card in their personal chat, as a turn over a <see cref="FakeTeams"/>.</summary>
internal static class PartnerTurn
{
    /// <summary>A card action pressed by <paramref name="aadObjectId"/> in personal chat.</summary>
    public static ITurnContext CardAction(string aadObjectId, System.Text.Json.JsonElement value, string? activityId = null, string? localTimezone = null, string locale = "th-TH") =>
        new FakeTeams().TurnFor(new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Id = activityId ?? Guid.NewGuid().ToString("N"),
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/teams/",
            From = new ChannelAccount { Id = "29:" + aadObjectId, AadObjectId = aadObjectId, Name = "Partner" },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "a:" + aadObjectId, ConversationType = "personal", TenantId = "tenant-1" },
            Locale = locale,
            LocalTimezone = localTimezone,
            Value = value,
        });
}
