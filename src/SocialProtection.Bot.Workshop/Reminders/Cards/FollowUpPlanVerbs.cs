namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>The verbs and input ids of the follow-up plan form and of the next-reminder preview (facilitators only).</summary>
internal static class FollowUpPlanVerbs
{
    /// <summary>Show the plan form (from the follow-up view).</summary>
    public const string EditPlan = "followup.plan.edit";

    /// <summary>Save the plan from the form.</summary>
    public const string SavePlan = "followup.plan.save";

    /// <summary>Post a preview of the next reminder.</summary>
    public const string Preview = "followup.preview";

    /// <summary>Send the next reminder's preview to the facilitator's own personal chat.</summary>
    public const string SendToMe = "followup.sendtome";

    public const string DateInput = "fuDate";
    public const string AfterInput = "fuAfter";
    public const string BeforeInput = "fuBefore";
    public const string WeeklyDayInput = "fuWeeklyDay";
    public const string WeeklyTimeInput = "fuWeeklyTime";
    public const string SendAtInput = "fuSendAt";

    /// <summary>Choice values: no weekly check-in; keep the plan's own Cron; the configured send time.</summary>
    public const string None = "none";
    public const string KeepCron = "keep";
    public const string DefaultTime = "default";

    /// <summary>The offsets the form offers (more can be typed).</summary>
    public static IReadOnlyList<string> OffsetChoices { get; } = ["0d", "1d", "3d", "1w", "2w", "1m", "2m", "3m", "6m"];

    /// <summary>The days before a due date the form offers.</summary>
    public static IReadOnlyList<int> BeforeChoices { get; } = [1, 3, 7, 14, 30];
}
