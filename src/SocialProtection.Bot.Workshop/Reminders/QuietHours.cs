using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// A daily span in the partner's own time zone during which no reminder reaches them, e.g. 21:00–08:00
/// (a span whose end is earlier than its start crosses midnight). Start and end equal means no quiet hours.
/// </summary>
internal sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>True when <paramref name="localTime"/> (in the partner's zone) falls inside the span.</summary>
    public bool Contains(TimeOnly localTime)
    {
        if (Start == End)
        {
            return false;
        }

        return Start < End
            ? localTime >= Start && localTime < End
            : localTime >= Start || localTime < End;
    }
}
