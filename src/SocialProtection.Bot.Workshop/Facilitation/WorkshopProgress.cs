using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>The live count of a workshop, per group, from its participant records.</summary>
internal sealed record WorkshopProgress(WorkshopRecord Workshop, IReadOnlyList<GroupProgress> Groups, GroupProgress Total, DateTimeOffset CountedAt)
{
    /// <summary>
    /// Counts <paramref name="participants"/> by group. Started: the participant has begun the questions (or answered
    /// one); submitted: they sent their answers. In a one-group workshop everyone belongs to that group.
    /// </summary>
    public static WorkshopProgress Count(WorkshopRecord workshop, IReadOnlyList<WorkshopParticipant> participants, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(participants);
        var byGroup = participants.ToLookup(p => GroupOf(workshop, p.Record));
        var groups = workshop.Groups.Select(g => Row(g.Id, g.Name, byGroup[g.Id])).ToList();
        if (byGroup[null].Any())
        {
            groups.Add(Row(null, null, byGroup[null]));
        }
        var total = new GroupProgress(null, null, groups.Sum(g => g.Joined), groups.Sum(g => g.Started), groups.Sum(g => g.Submitted));
        return new WorkshopProgress(workshop, groups, total, now);
    }

    /// <summary>The group a record counts in: its own when the workshop has it, the only group of a one-group workshop, else none.</summary>
    public static string? GroupOf(WorkshopRecord workshop, ParticipantRecord record) => RespondentNumbering.GroupOf(workshop, record);

    private static GroupProgress Row(string? id, string? name, IEnumerable<WorkshopParticipant> members)
    {
        var list = members.ToList();
        return new GroupProgress(
            id,
            name,
            list.Count,
            list.Count(p => p.Record.Status != ParticipantStatus.NotStarted || !p.Record.Answers.IsEmpty),
            list.Count(p => p.Record.Status == ParticipantStatus.Submitted));
    }
}
