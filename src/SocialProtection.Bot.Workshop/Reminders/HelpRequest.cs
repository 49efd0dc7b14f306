using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>A partner pressed "Need help" on a reminder. <see cref="Note"/> and the commitment's text are user text.</summary>
internal sealed record HelpRequest(
    string WorkshopId,
    string PartnerUserKey,
    string? PartnerName,
    FollowUpCommitment Commitment,
    string? Note,
    DateTimeOffset At);
