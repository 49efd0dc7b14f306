using System.Globalization;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// What a facilitator of some groups only (not of the whole workshop) may do (issue 15 item 5): progress; the summary and
/// vote reset of their own groups (a command naming no group means their group when they have one); adding facilitators
/// to their own group. Anything else (report, close, reopen, workshop-wide facilitators, removing facilitators, another
/// group) is theirs to ask of a facilitator of the whole workshop.
/// </summary>
internal static class GroupScope
{
    /// <summary>The command as the group facilitator may run it, or null when it is not theirs to run.</summary>
    public static FacilitatorCommand? Narrow(FacilitatorCommand command, WorkshopRecord workshop, IReadOnlyList<BreakoutGroup> mine)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(mine);
        return command switch
        {
            FacilitatorCommand.Progress => command,
            FacilitatorCommand.Summary summary => Own(workshop, mine, summary.Group) is { } group ? summary with { Group = group } : null,
            FacilitatorCommand.ResetVotes reset => Own(workshop, mine, reset.Group) is { } group ? reset with { Group = group } : null,
            FacilitatorCommand.AddFacilitator { Group: { } named } add => GroupSelector.Find(workshop, named.Trim()) is { } group && mine.Contains(group) ? add : null,
            _ => null,
        };
    }

    private static string? Own(WorkshopRecord workshop, IReadOnlyList<BreakoutGroup> mine, string? argument)
    {
        var selected = GroupSelector.Select(workshop, argument);
        if (selected.Count > 0 && selected.All(mine.Contains))
        {
            return argument;
        }
        var meantEveryGroup = string.IsNullOrWhiteSpace(argument)
            || (selected.Count == workshop.Groups.Length && GroupSelector.Find(workshop, argument.Trim()) is null);
        return meantEveryGroup && mine.Count == 1
            ? (workshop.Groups.IndexOf(mine[0]) + 1).ToString(CultureInfo.InvariantCulture)
            : null;
    }
}
