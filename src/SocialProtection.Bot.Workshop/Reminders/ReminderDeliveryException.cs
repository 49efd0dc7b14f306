using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>A reminder cannot be delivered for a reason of our own (no conversation to send it to); <see cref="Reason"/> is a <see cref="CancelReasons"/> code.</summary>
internal sealed class ReminderDeliveryException : Exception
{
    public ReminderDeliveryException(string reason, bool retryable)
        : base($"The reminder cannot be delivered: {reason}.")
    {
        Reason = reason;
        Retryable = retryable;
    }

    public ReminderDeliveryException()
        : this(CancelReasons.Rejected, retryable: false)
    {
    }

    public ReminderDeliveryException(string message)
        : base(message)
    {
        Reason = CancelReasons.Rejected;
    }

    public ReminderDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = CancelReasons.Rejected;
    }

    public string Reason { get; }

    public bool Retryable { get; }
}
