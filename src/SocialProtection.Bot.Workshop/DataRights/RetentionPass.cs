using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>What one retention pass did; <see cref="Ran"/> is false when another instance held the lease.</summary>
internal sealed record RetentionPass(bool Ran, int WorkshopsSwept, int RecordsDeleted)
{
    public static RetentionPass Skipped { get; } = new(false, 0, 0);
}
