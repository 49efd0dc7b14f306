using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

internal enum DeliveryOutcome
{
    Sent,

    /// <summary>Every try failed, or the failure cannot be retried (e.g. the app was uninstalled).</summary>
    Failed,
}
