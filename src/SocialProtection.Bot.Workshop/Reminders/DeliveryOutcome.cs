using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Workshop.Reminders;

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryOutcome>))]
public enum DeliveryOutcome
{
    Sent,

    /// <summary>Every try failed, or the failure cannot be retried (e.g. the app was uninstalled).</summary>
    Failed,
}
