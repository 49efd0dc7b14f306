using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Which rule of the plan a reminder comes from.</summary>
internal enum ReminderKind
{
    /// <summary>A fixed time after the workshop (e.g. 14 days, 1 month, 3 months).</summary>
    AfterWorkshop,

    /// <summary>N days before the commitment's due date.</summary>
    BeforeDue,

    /// <summary>A recurring check-in from the plan's Cron expression.</summary>
    Recurring,

    /// <summary>The partner snoozed an earlier reminder until this time.</summary>
    Snooze,

    /// <summary>
    /// Not a reminder: a partner pressed "Need help", and the facilitator is told through the same durable queue
    /// (retried, never lost, never twice).
    /// </summary>
    HelpRequest,
}
