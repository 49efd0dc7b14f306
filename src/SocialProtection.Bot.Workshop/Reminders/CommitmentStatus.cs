using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Where a partner says a commitment stands.</summary>
internal enum CommitmentStatus
{
    NotStarted,
    InProgress,
    Done,

    /// <summary>The partner asked the facilitator for help.</summary>
    NeedHelp,
}
