using System.Text.Json.Serialization;
using SocialProtection.Bot.Protocol.Cards;

namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>
/// The data of a partner's reminder card buttons: which workshop and commitment the card is about, plus the inputs of
/// the sub-card the button sits on (a note, a snooze choice, quiet hours). Notes are length-checked by the handler,
/// which answers a long one with its own message.
/// </summary>
internal sealed record ReminderCardData : CardData
{
    [JsonPropertyName("wid")]
    public string WorkshopId { get; init; } = "";

    [JsonPropertyName("cid")]
    public string CommitmentId { get; init; } = "";

    [JsonPropertyName(ReminderCardVerbs.ProgressNoteInput)]
    public string? ProgressNote { get; init; }

    [JsonPropertyName(ReminderCardVerbs.HelpNoteInput)]
    public string? HelpNote { get; init; }

    [JsonPropertyName(ReminderCardVerbs.SnoozeInput)]
    public string? Snooze { get; init; }

    [JsonPropertyName(ReminderCardVerbs.QuietFromInput)]
    public string? QuietFrom { get; init; }

    [JsonPropertyName(ReminderCardVerbs.QuietToInput)]
    public string? QuietTo { get; init; }

    public override bool IsWellFormed() => ReminderActionInput.IsId(WorkshopId) && ReminderActionInput.IsId(CommitmentId);
}
