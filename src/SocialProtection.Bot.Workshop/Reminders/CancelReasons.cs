using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Why a reminder was not sent, or why it failed: short codes the facilitator's view and the logs show.</summary>
internal static class CancelReasons
{
    public const string WorkshopClosed = "WorkshopClosed";
    public const string NoPlan = "NoPlan";
    public const string PartnerUnknown = "PartnerUnknown";
    public const string OptedOut = "OptedOut";
    public const string CommitmentRemoved = "CommitmentRemoved";
    public const string CommitmentDone = "CommitmentDone";
    public const string AlreadyFinished = "AlreadyFinished";
    public const string NoLongerPlanned = "NoLongerPlanned";
    public const string Snoozed = "Snoozed";
    public const string NoAllowedTime = "NoAllowedTime";

    public const string AppNotInstalled = "AppNotInstalled";
    public const string ConversationNotFound = "ConversationNotFound";
    public const string NoConversation = "NoConversation";
    public const string MessageTooLarge = "MessageTooLarge";
    public const string Rejected = "Rejected";
    public const string Throttled = "Throttled";
    public const string Unreachable = "Unreachable";
    public const string TooManyAttempts = "TooManyAttempts";
    public const string NoFacilitatorConversation = "NoFacilitatorConversation";
}
