using System.Globalization;
using System.Net;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Why a send failed, as a short code, and whether trying again can help.</summary>
internal sealed record DeliveryFailure(string Reason, bool Retryable, bool Throttled, TimeSpan? RetryAfter)
{
    public static DeliveryFailure Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ConnectorException { StatusCode: HttpStatusCode.TooManyRequests } c => new(CancelReasons.Throttled, true, true, c.RetryAfter),
            // After uninstall sends get 403; a new conversation would get it too.
            ConnectorException { StatusCode: HttpStatusCode.Forbidden } => Permanent(CancelReasons.AppNotInstalled),
            ConnectorException { StatusCode: HttpStatusCode.NotFound } => Permanent(CancelReasons.ConversationNotFound),
            ConnectorException { StatusCode: HttpStatusCode.RequestEntityTooLarge } => Permanent(CancelReasons.MessageTooLarge),
            ConnectorException { StatusCode: HttpStatusCode.BadRequest } => Permanent(CancelReasons.Rejected),
            ConnectorException { StatusCode: null, ErrorCode: ConnectorException.ServiceUrlRefused } => Permanent(CancelReasons.Rejected),
            ConnectorException { StatusCode: null } => Transient(CancelReasons.Unreachable),
            ConnectorException { StatusCode: { } status } => Transient("Http" + ((int)status).ToString(CultureInfo.InvariantCulture)),
            ReminderDeliveryException d => new(d.Reason, d.Retryable, false, null),
            StorageUnavailableException => Transient("StorageUnavailable"),
            _ => Transient(exception.GetType().Name),
        };
    }

    private static DeliveryFailure Permanent(string reason) => new(reason, false, false, null);

    private static DeliveryFailure Transient(string reason) => new(reason, true, false, null);
}
