using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>The card verbs and input ids of reminder and follow-up cards. Card data is user input: handlers validate it.</summary>
internal static class ReminderCardVerbs
{
    public const string Done = "reminder.done";
    public const string Progress = "reminder.progress";
    public const string Snooze = "reminder.snooze";
    public const string Help = "reminder.help";
    public const string QuietHours = "reminder.quiet";
    public const string OptOut = "reminder.optout";
    public const string OptIn = "reminder.optin";
    public const string Refresh = "reminder.refresh";

    /// <summary>The facilitator's follow-up view asks for its current state (button or automatic refresh).</summary>
    public const string ViewRefresh = "followup.refresh";

    public static IReadOnlyList<string> PartnerVerbs { get; } = [Done, Progress, Snooze, Help, QuietHours, OptOut, OptIn, Refresh];

    // The inputs' ids: also the JSON names of their fields in the buttons' data.
    public const string ProgressNoteInput = "progressNote";
    public const string HelpNoteInput = "helpNote";
    public const string SnoozeInput = "snoozeFor";
    public const string QuietFromInput = "quietFrom";
    public const string QuietToInput = "quietTo";

    /// <summary>The quiet-hours choice meaning "no quiet hours".</summary>
    public const string QuietNone = "none";

    /// <summary>The longest note a partner can send, in UTF-16 code units.</summary>
    public const int MaxNoteLength = 500;
}
