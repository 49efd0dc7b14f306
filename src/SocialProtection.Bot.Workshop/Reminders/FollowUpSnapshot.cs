using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>A workshop's follow-up as of now: its record (when set up in a channel), plan, partners, how each is named, and what the plan does next.</summary>
internal sealed record FollowUpSnapshot(
    string WorkshopId,
    WorkshopRecord? Workshop,
    FollowUpPlan? Plan,
    IReadOnlyList<PartnerFollowUp> Partners,
    IReadOnlyDictionary<string, LocalizedText>? Labels,
    FollowUpForecast Forecast)
{
    /// <summary>The workshop's title, else its id.</summary>
    public string Title => Workshop?.Title ?? WorkshopId;

    /// <summary>How the summary names <paramref name="partner"/>.</summary>
    public LocalizedText LabelOf(PartnerFollowUp partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return Labels?.GetValueOrDefault(partner.UserKey)
            ?? ReminderText.Default.Localized("view.unnamed", Partners.ToList().FindIndex(p => p.UserKey == partner.UserKey) + 1);
    }
}
