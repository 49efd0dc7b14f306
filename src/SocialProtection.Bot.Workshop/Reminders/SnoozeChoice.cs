using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>How long a partner can snooze a reminder; <see cref="SnoozeChoices"/> maps the card's values.</summary>
internal enum SnoozeChoice
{
    OneDay,
    ThreeDays,
    OneWeek,
}

internal static class SnoozeChoices
{
    public static string ToValue(this SnoozeChoice choice) => choice switch
    {
        SnoozeChoice.OneDay => "1d",
        SnoozeChoice.ThreeDays => "3d",
        SnoozeChoice.OneWeek => "1w",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown snooze choice."),
    };

    public static bool TryParse(string? value, out SnoozeChoice choice)
    {
        (var ok, choice) = value switch
        {
            "1d" => (true, SnoozeChoice.OneDay),
            "3d" => (true, SnoozeChoice.ThreeDays),
            "1w" => (true, SnoozeChoice.OneWeek),
            _ => (false, default),
        };
        return ok;
    }

    public static TimeSpan Duration(this SnoozeChoice choice) => choice switch
    {
        SnoozeChoice.OneDay => TimeSpan.FromDays(1),
        SnoozeChoice.ThreeDays => TimeSpan.FromDays(3),
        SnoozeChoice.OneWeek => TimeSpan.FromDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown snooze choice."),
    };
}
