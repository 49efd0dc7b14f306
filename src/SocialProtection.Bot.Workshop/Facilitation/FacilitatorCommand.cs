using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>A command typed to the bot in a channel or group chat, in either language. Arguments are user text.</summary>
internal abstract record FacilitatorCommand
{
    public sealed record Help : FacilitatorCommand;

    /// <summary>Set up a workshop; <see cref="Title"/> prefills the set-up card.</summary>
    public sealed record NewWorkshop(string? Title) : FacilitatorCommand;

    public sealed record Progress : FacilitatorCommand;

    /// <summary>Post the summary of one group (<see cref="Group"/>: a name or number) or of every group (null).</summary>
    public sealed record Summary(string? Group) : FacilitatorCommand;

    public sealed record Report : FacilitatorCommand;

    /// <summary>Make the @mentioned people facilitators, of one group when <see cref="Group"/> names it.</summary>
    public sealed record AddFacilitator(string? Group) : FacilitatorCommand;

    /// <summary>Stop the @mentioned people being facilitators here (of the workshop, its groups, or the team when no workshop runs).</summary>
    public sealed record RemoveFacilitator : FacilitatorCommand;

    /// <summary>List the workshop's participant records that cannot be read, by code.</summary>
    public sealed record BrokenRecords : FacilitatorCommand;

    /// <summary>Move the damaged record <see cref="Code"/> aside so its participant can start again.</summary>
    public sealed record RepairRecord(string? Code) : FacilitatorCommand;

    /// <summary>Delete the damaged record <see cref="Code"/>.</summary>
    public sealed record EraseRecord(string? Code) : FacilitatorCommand;

    public sealed record Close : FacilitatorCommand;

    public sealed record Reopen : FacilitatorCommand;

    /// <summary>Clear the dot votes of one group or of every group (null) and post fresh vote cards.</summary>
    public sealed record ResetVotes(string? Group) : FacilitatorCommand;

    /// <summary>Whether the command changes nothing and so is open to everyone.</summary>
    public bool IsForEveryone => this is Help;
}
