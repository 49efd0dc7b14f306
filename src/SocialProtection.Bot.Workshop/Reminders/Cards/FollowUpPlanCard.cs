using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>
/// The facilitator's follow-up plan as a form, Thai first with English beside it: the workshop date on a date picker,
/// the reminders after the workshop and before each due date as choices, a weekly check-in as a day and a time, and
/// the time of day for dated reminders. Opens on the current plan (or sensible defaults); saving replaces it with
/// the same form under a confirmation (next send time, partners reached), so it can be changed again at once.
/// </summary>
internal static class FollowUpPlanCard
{
    private static readonly TextCatalog T = ReminderText.Default;
    private static readonly string[] DefaultOffsets = ["2w", "1m", "3m"];
    private static readonly int[] DefaultBefore = [3];
    private static readonly TimeOnly DefaultWeeklyTime = new(10, 0);

    public static AdaptiveCard Build(FollowUpPlanCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var plan = model.Plan;
        var title = model.WorkshopTitle is { Length: > 0 } workshopTitle ? workshopTitle : model.WorkshopId;
        var body = new List<AdaptiveElement>
        {
            new TextBlock(T.Both("reminder.caption") + " · " + CardText.Escape(title)) { Size = TextSize.Small, IsSubtle = true, Wrap = true },
            new TextBlock(T.Get("form.title", Language.Thai)) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(T.Get("form.title", Language.English)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        };
        if (model.Confirmation is { } confirmation)
        {
            body.Add(new TextBlock(confirmation) { Wrap = true, Weight = TextWeight.Bolder, Color = TextColor.Good });
        }

        body.Add(new TextBlock(T.Get("form.intro", Language.Thai)) { Wrap = true });
        body.Add(new TextBlock(T.Get("form.intro", Language.English)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None });
        body.Add(new DateInput
        {
            Id = FollowUpPlanVerbs.DateInput,
            Label = T.Both("form.date"),
            IsRequired = true,
            ErrorMessage = T.Both("form.badDate"),
            Value = Iso(plan?.WorkshopDate ?? model.DefaultDate),
        });
        body.Add(AfterChoices(plan));
        body.Add(BeforeChoices(plan));
        body.AddRange(WeeklyChoices(plan));
        body.Add(SendAtChoice(plan, model.DefaultSendTime));
        if (plan is not null)
        {
            body.Add(new TextBlock(FollowUpPlanText.Describe(plan, Language.Thai)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Separator = true });
            body.Add(new TextBlock(FollowUpPlanText.Describe(plan, Language.English)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None });
        }

        var workshop = new FollowUpPlanData { WorkshopId = model.WorkshopId };
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                ExecuteAction.WithSubmitFallback(T.Both("action.savePlan"), FollowUpPlanVerbs.SavePlan, workshop),
                ExecuteAction.WithSubmitFallback(T.Both("action.preview"), FollowUpPlanVerbs.Preview, workshop, AssociatedInputs.None),
            ],
            FallbackText = T.Both("form.title"),
            MsTeams = TeamsCardProperties.FullWidth,
        };
    }

    private static ChoiceSetInput AfterChoices(FollowUpPlan? plan)
    {
        var chosen = plan is null ? [.. DefaultOffsets] : plan.AfterWorkshop.Select(o => o.ToString()).ToList();
        // An offset typed by a power user that the form does not offer stays offered, so saving the form keeps it.
        var values = FollowUpPlanVerbs.OffsetChoices.Concat(chosen.Where(c => !FollowUpPlanVerbs.OffsetChoices.Contains(c))).ToList();
        var choices = values.Select(v => FollowUpOffset.TryParse(v, out var offset)
            ? new Choice(FollowUpPlanText.Offset(offset, Language.Thai) + " / " + FollowUpPlanText.Offset(offset, Language.English), v)
            : new Choice(v, v)).ToList();
        return new ChoiceSetInput(choices)
        {
            Id = FollowUpPlanVerbs.AfterInput,
            Label = T.Both("form.after"),
            IsMultiSelect = true,
            Style = ChoiceInputStyle.Expanded,
            Value = string.Join(',', chosen),
            Wrap = true,
        };
    }

    private static ChoiceSetInput BeforeChoices(FollowUpPlan? plan)
    {
        var chosen = plan is null ? [.. DefaultBefore] : plan.DaysBeforeDue.ToList();
        var values = FollowUpPlanVerbs.BeforeChoices.Concat(chosen.Where(c => !FollowUpPlanVerbs.BeforeChoices.Contains(c))).Order().ToList();
        return new ChoiceSetInput([.. values.Select(d => new Choice(
            FollowUpPlanText.DaysBefore(d, Language.Thai) + " / " + FollowUpPlanText.DaysBefore(d, Language.English),
            d.ToString(CultureInfo.InvariantCulture)))])
        {
            Id = FollowUpPlanVerbs.BeforeInput,
            Label = T.Both("form.before"),
            IsMultiSelect = true,
            Style = ChoiceInputStyle.Expanded,
            Value = string.Join(',', chosen.Select(d => d.ToString(CultureInfo.InvariantCulture))),
            Wrap = true,
        };
    }

    private static IEnumerable<AdaptiveElement> WeeklyChoices(FollowUpPlan? plan)
    {
        WeeklyCheckIn? weekly = null;
        var custom = plan?.RecurringCron is { } cron && !WeeklyCheckIn.TryParse(cron, out weekly);
        var days = new List<Choice> { new(T.Both("form.weeklyNone"), FollowUpPlanVerbs.None) };
        if (custom)
        {
            days.Add(new Choice(T.Format("form.keepCron", Language.Thai, plan!.RecurringCron!) + " / " + T.Format("form.keepCron", Language.English, plan.RecurringCron!), FollowUpPlanVerbs.KeepCron));
        }

        // Monday first, as a Thai working week reads.
        foreach (var day in new[] { 1, 2, 3, 4, 5, 6, 0 })
        {
            days.Add(new Choice(T.Get("day." + day, Language.Thai) + " / " + T.Get("day." + day, Language.English), day.ToString(CultureInfo.InvariantCulture)));
        }

        yield return new ChoiceSetInput(days)
        {
            Id = FollowUpPlanVerbs.WeeklyDayInput,
            Label = T.Both("form.weekly"),
            Style = ChoiceInputStyle.Compact,
            Value = custom ? FollowUpPlanVerbs.KeepCron : weekly is null ? FollowUpPlanVerbs.None : ((int)weekly.Day).ToString(CultureInfo.InvariantCulture),
        };
        yield return new ChoiceSetInput(Times().Select(t => new Choice(Clock(t), Clock(t))).ToList())
        {
            Id = FollowUpPlanVerbs.WeeklyTimeInput,
            Label = T.Both("form.weeklyTime"),
            Style = ChoiceInputStyle.Compact,
            Value = Clock(weekly?.At is { Minute: 0 or 30 } at ? at : DefaultWeeklyTime),
        };
    }

    private static ChoiceSetInput SendAtChoice(FollowUpPlan? plan, TimeOnly defaultTime)
    {
        var choices = new List<Choice>
        {
            new(T.Format("form.sendAtDefault", Language.Thai, Clock(defaultTime)) + " / " + T.Format("form.sendAtDefault", Language.English, Clock(defaultTime)), FollowUpPlanVerbs.DefaultTime),
        };
        choices.AddRange(Times().Select(t => new Choice(Clock(t), Clock(t))));
        return new ChoiceSetInput(choices)
        {
            Id = FollowUpPlanVerbs.SendAtInput,
            Label = T.Both("form.sendAt"),
            Style = ChoiceInputStyle.Compact,
            Value = plan?.SendAt is { Minute: 0 or 30 } sendAt ? Clock(sendAt) : FollowUpPlanVerbs.DefaultTime,
        };
    }

    /// <summary>08:00 to 17:00 every half hour: reminders only go out in working hours anyway.</summary>
    private static IEnumerable<TimeOnly> Times()
    {
        for (var t = new TimeOnly(8, 0); t <= new TimeOnly(17, 0); t = t.AddMinutes(30))
        {
            yield return t;
        }
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
