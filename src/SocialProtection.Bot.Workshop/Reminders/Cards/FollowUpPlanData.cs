using System.Text.Json.Serialization;
using SocialProtection.Bot.Protocol.Cards;

namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>
/// The follow-up plan buttons' data (edit, save, preview, send to me): the workshop, and on Save the plan form's
/// inputs, which <see cref="FollowUpPlanForm"/> turns into a request.
/// </summary>
internal sealed record FollowUpPlanData : CardData
{
    /// <summary>The longest value a plan input may hold (its choices are far shorter).</summary>
    public const int MaxInputLength = 200;

    [JsonPropertyName("wid")]
    public string WorkshopId { get; init; } = "";

    [JsonPropertyName(FollowUpPlanVerbs.DateInput)]
    public string? Date { get; init; }

    /// <summary>The offsets after the workshop, comma-separated (a multi-select's value).</summary>
    [JsonPropertyName(FollowUpPlanVerbs.AfterInput)]
    public string? After { get; init; }

    /// <summary>The days before a due date, comma-separated.</summary>
    [JsonPropertyName(FollowUpPlanVerbs.BeforeInput)]
    public string? Before { get; init; }

    [JsonPropertyName(FollowUpPlanVerbs.WeeklyDayInput)]
    public string? WeeklyDay { get; init; }

    [JsonPropertyName(FollowUpPlanVerbs.WeeklyTimeInput)]
    public string? WeeklyTime { get; init; }

    [JsonPropertyName(FollowUpPlanVerbs.SendAtInput)]
    public string? SendAt { get; init; }

    public override bool IsWellFormed() =>
        ReminderActionInput.IsId(WorkshopId)
        && Fits(Date) && Fits(After) && Fits(Before) && Fits(WeeklyDay) && Fits(WeeklyTime) && Fits(SendAt);

    private static bool Fits(string? input) => input is null or { Length: <= MaxInputLength };
}
