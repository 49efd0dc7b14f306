using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>What one pass over the due queue did.</summary>
internal sealed record SchedulerPass(int Scanned, int Claimed, int Sent, int Failed, int Cancelled, int Retrying)
{
    /// <summary>True when the pass stopped at its batch limit, so more may be waiting right now.</summary>
    public bool Full { get; init; }
}
