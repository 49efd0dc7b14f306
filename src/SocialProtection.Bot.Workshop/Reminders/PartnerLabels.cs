using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// How the follow-up view names each partner: exactly as the group summary does (<see cref="RespondentNumbering"/>,
/// numbered within their group, by name only in a named workshop), with the group's name where there are several.
/// </summary>
internal static class PartnerLabels
{
    /// <summary>User key to label, for every participant of <paramref name="workshop"/>.</summary>
    public static IReadOnlyDictionary<string, LocalizedText> For(WorkshopRecord workshop, IReadOnlyList<FollowUpParticipant> participants)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(participants);
        var text = ReminderText.Default;
        var named = workshop.Visibility == AnswerVisibility.Named;
        var labels = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        var key = workshop.GetAnonymityKey();
        foreach (var group in participants.GroupBy(p => RespondentNumbering.GroupOf(workshop, p.Record)))
        {
            var groupName = group.Key is { } id && workshop.Groups.Length > 1 ? workshop.FindGroup(id)?.Name : null;
            var displayName = named ? (Func<FollowUpParticipant, string?>)(p => p.Record.DisplayName) : _ => null;
            foreach (var (participant, _, number) in RespondentNumbering.Number(group, p => p.UserKey, displayName, workshop.Visibility, key))
            {
                var label = displayName(participant) is { Length: > 0 } name
                    ? new LocalizedText(name, name)
                    : text.Localized("view.unnamed", number);
                labels[participant.UserKey] = groupName is null
                    ? label
                    : new LocalizedText(label.Th + " · " + groupName, label.En + " · " + groupName);
            }
        }

        return labels;
    }
}
