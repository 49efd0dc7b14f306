using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Who is where, per group, for the facilitators' own view of the progress card: who joined and has not begun, who is
/// answering (and how far: n of m questions), who submitted. Only for workshops with named answers, whose records keep
/// the participant's Teams name; anonymous workshops show counts only.
/// </summary>
internal sealed record ProgressRoster(IReadOnlyList<GroupRoster> Groups, int QuestionCount)
{
    /// <summary>The roster of a named workshop, in the groups' order (and the group-less last); null for an anonymous one.</summary>
    public static ProgressRoster? For(WorkshopRecord workshop, IReadOnlyList<WorkshopParticipant> participants, QuestionSet set)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(set);
        if (workshop.Visibility != AnswerVisibility.Named)
        {
            return null;
        }
        var byGroup = participants.ToLookup(p => WorkshopProgress.GroupOf(workshop, p.Record));
        var groups = workshop.Groups.Select(g => Group(g.Id, g.Name, byGroup[g.Id], set)).ToList();
        if (byGroup[null].Any())
        {
            groups.Add(Group(null, null, byGroup[null], set));
        }
        return new ProgressRoster(groups, set.Questions.Count);
    }

    private static GroupRoster Group(string? id, string? name, IEnumerable<WorkshopParticipant> members, QuestionSet set)
    {
        var joined = new List<string?>();
        var answering = new List<RosterEntry>();
        var submitted = new List<string?>();
        foreach (var member in members.OrderBy(m => m.Record.DisplayName, StringComparer.Ordinal))
        {
            var record = member.Record;
            if (record.Status == ParticipantStatus.Submitted)
            {
                submitted.Add(record.DisplayName);
            }
            else if (record.Status == ParticipantStatus.NotStarted && record.Answers.IsEmpty)
            {
                joined.Add(record.DisplayName);
            }
            else
            {
                answering.Add(new RosterEntry(record.DisplayName, set.Questions.Count(q => record.Answers.ContainsKey(q.Id))));
            }
        }
        return new GroupRoster(id, name, joined, answering, submitted);
    }
}

/// <summary>One group of a <see cref="ProgressRoster"/>. A name is null when the record has none (joined before names were kept).</summary>
internal sealed record GroupRoster(string? GroupId, string? GroupName, IReadOnlyList<string?> Joined, IReadOnlyList<RosterEntry> Answering, IReadOnlyList<string?> Submitted);

/// <summary>Someone answering: their name and how many of the questions they have answered.</summary>
internal sealed record RosterEntry(string? Name, int Answered);
