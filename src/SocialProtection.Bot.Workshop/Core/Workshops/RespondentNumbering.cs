namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>
/// How a workshop numbers the people of one group ("ผู้เข้าร่วม 1, 2, …"): in a named workshop by display name, else
/// by the keyed hash of their ids (<see cref="AnonymityKey"/>), so the numbers are stable and cannot be linked back to
/// a person. The group summary, the report and the follow-up view all number people with this one rule.
/// </summary>
internal static class RespondentNumbering
{
    private const string Purpose = "respondent";

    /// <summary>The participant's rank key: what anonymous numbering sorts by.</summary>
    public static string Rank(AnonymityKey key, string participantId)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Hash(Purpose, participantId);
    }

    /// <summary>The group's participants in numbering order with their number (1-based) and rank key.</summary>
    public static IReadOnlyList<(T Item, string Rank, int Number)> Number<T>(
        IEnumerable<T> participants,
        Func<T, string> participantId,
        Func<T, string?> displayName,
        AnswerVisibility visibility,
        AnonymityKey key)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(participantId);
        ArgumentNullException.ThrowIfNull(displayName);
        var ranked = participants.Select(p => (Item: p, Rank: Rank(key, participantId(p)))).ToList();
        var ordered = visibility == AnswerVisibility.Named
            ? ranked.OrderBy(r => displayName(r.Item) ?? "", StringComparer.Ordinal).ThenBy(r => r.Rank, StringComparer.Ordinal)
            : ranked.OrderBy(r => r.Rank, StringComparer.Ordinal);
        return [.. ordered.Select((r, index) => (r.Item, r.Rank, index + 1))];
    }

    /// <summary>The group a participant counts in: their own when the workshop has it, the only group of a one-group workshop, else none.</summary>
    public static string? GroupOf(WorkshopRecord workshop, Records.ParticipantRecord record)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(record);
        if (record.GroupId is { } id && workshop.FindGroup(id) is not null)
        {
            return id;
        }
        return workshop.Groups.Length == 1 ? workshop.Groups[0].Id : null;
    }
}
