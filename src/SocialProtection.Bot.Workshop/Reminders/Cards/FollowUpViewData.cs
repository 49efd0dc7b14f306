using System.Text.Json.Serialization;
using SocialProtection.Bot.Protocol.Cards;

namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>The facilitator's follow-up view's Refresh (button and automatic refresh): the workshop and the page shown.</summary>
internal sealed record FollowUpViewData : CardData
{
    public const int MaxPage = 1000;

    [JsonPropertyName("wid")]
    public string WorkshopId { get; init; } = "";

    public int? Page { get; init; }

    public override bool IsWellFormed() => ReminderActionInput.IsId(WorkshopId) && Page is null or >= 1 and <= MaxPage;
}
