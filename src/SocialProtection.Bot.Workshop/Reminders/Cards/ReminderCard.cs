using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>
/// The reminder a partner gets in personal chat: their commitment (their own words, never parsed as markdown), its
/// due date in both eras, its status, and the buttons Done, In progress + note, Remind me later, Need help and the
/// reminder settings (quiet hours, stop / resume). Every button is Action.Execute with an Action.Submit fallback,
/// and the card refreshes itself for its owner so it always shows the current state.
/// </summary>
internal static class ReminderCard
{
    private static readonly TextCatalog T = ReminderText.Default;

    public static AdaptiveCard Build(ReminderCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var language = model.Language;
        var commitment = model.Commitment;
        var body = new List<AdaptiveElement>
        {
            new TextBlock(T.Get("reminder.caption", language)) { Size = TextSize.Small, IsSubtle = true, Wrap = true },
            new TextBlock(T.Get(TitleKey(model.Kind), language)) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(T[TitleKey(model.Kind)].Other(language)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new TextBlock(T.Get("reminder.intro", language)) { Wrap = true },
            new RichTextBlock([new TextRun(commitment.Action) { Weight = TextWeight.Bolder }]),
            new FactSet(Facts(model)),
        };

        if (model.Confirmation is { } confirmation)
        {
            body.Add(new TextBlock(confirmation)
            {
                Wrap = true,
                Weight = TextWeight.Bolder,
                Color = model.ConfirmationIsProblem ? TextColor.Attention : TextColor.Good,
            });
        }

        if (model.Partner.OptedOut)
        {
            body.Add(new TextBlock(T.Get("optedOut.text", language)) { Wrap = true, IsSubtle = true });
        }
        else if (commitment.Status != CommitmentStatus.Done)
        {
            body.Add(new TextBlock(T.Get("reminder.question", language)) { Wrap = true, IsSubtle = true });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = Actions(model),
            FallbackText = T.Get("card.fallback", language),
            Refresh = model.Partner.TeamsUserId is { Length: > 0 } owner
                ? new CardRefresh(Execute(ReminderCardVerbs.Refresh, T.Get("view.refresh", language), model)) { UserIds = [owner] }
                : null,
            MsTeams = TeamsCardProperties.FullWidth,
        };
    }

    private static string TitleKey(ReminderKind kind) => kind switch
    {
        ReminderKind.BeforeDue => "reminder.titleBeforeDue",
        ReminderKind.Snooze => "reminder.titleSnooze",
        _ => "reminder.title",
    };

    private static List<Fact> Facts(ReminderCardModel model)
    {
        var language = model.Language;
        var commitment = model.Commitment;
        var facts = new List<Fact>
        {
            new(T.Get("fact.organisation", language), CardText.Escape(commitment.Organisation)),
        };
        if (commitment.OwnerName is { Length: > 0 } owner)
        {
            facts.Add(new(T.Get("fact.owner", language), CardText.Escape(owner)));
        }

        facts.Add(new(T.Get("fact.due", language), DueText(commitment.DueDate, model.Today, commitment.Status, language)));
        facts.Add(new(T.Get("fact.status", language), StatusText(commitment.Status, language)));
        if (commitment.Notes.LastOrDefault(n => n.Text is { Length: > 0 }) is { Text: { } note } latest)
        {
            facts.Add(new(T.Get("fact.lastNote", language),
                CardText.Escape(CardText.Truncate(note, 200)) + " (" + ThaiDateFormatter.FormatShort(DateOnly.FromDateTime(BangkokTime.ToLocal(latest.At).DateTime), language) + ")"));
        }

        return facts;
    }

    /// <summary>"31 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026) · อีก 5 วัน".</summary>
    public static string DueText(DateOnly due, DateOnly today, CommitmentStatus status, Language language)
    {
        var date = ThaiDateFormatter.Format(due, language);
        if (status == CommitmentStatus.Done)
        {
            return date;
        }

        var days = due.DayNumber - today.DayNumber;
        var relative = days switch
        {
            0 => T.Get("due.today", language),
            1 => T.Get("due.tomorrow", language),
            > 1 => T.Format("due.inDays", language, days),
            _ => "**" + T.Format("due.overdue", language, -days) + "**",
        };
        return date + " · " + relative;
    }

    public static string StatusText(CommitmentStatus status, Language language) => T.Get(status switch
    {
        CommitmentStatus.InProgress => "status.inProgress",
        CommitmentStatus.Done => "status.done",
        CommitmentStatus.NeedHelp => "status.needHelp",
        _ => "status.notStarted",
    }, language);

    private static List<AdaptiveAction> Actions(ReminderCardModel model)
    {
        var language = model.Language;
        if (model.Partner.OptedOut)
        {
            return [Execute(ReminderCardVerbs.OptIn, T.Get("action.optIn", language), model)];
        }

        var actions = new List<AdaptiveAction>();
        if (model.Commitment.Status != CommitmentStatus.Done)
        {
            actions.Add(Execute(ReminderCardVerbs.Done, T.Get("action.done", language), model));
        }

        actions.Add(new ShowCardAction(SubCard(
            [
                new TextInput
                {
                    Id = ReminderCardVerbs.ProgressNoteInput,
                    Label = T.Get("progress.label", language),
                    Placeholder = T.Get("progress.placeholder", language),
                    IsMultiline = true,
                    MaxLength = ReminderCardVerbs.MaxNoteLength,
                },
            ],
            Execute(ReminderCardVerbs.Progress, T.Get("action.progressSave", language), model)))
        { Title = T.Get("action.progress", language) });

        if (model.Commitment.Status != CommitmentStatus.Done)
        {
            actions.Add(new ShowCardAction(SubCard(
                [
                    new ChoiceSetInput(
                    [
                        new Choice(T.Get("snooze.1d", language), SnoozeChoice.OneDay.ToValue()),
                        new Choice(T.Get("snooze.3d", language), SnoozeChoice.ThreeDays.ToValue()),
                        new Choice(T.Get("snooze.1w", language), SnoozeChoice.OneWeek.ToValue()),
                    ])
                    {
                        Id = ReminderCardVerbs.SnoozeInput,
                        Label = T.Get("snooze.label", language),
                        Value = SnoozeChoice.OneDay.ToValue(),
                        Style = ChoiceInputStyle.Expanded,
                    },
                ],
                Execute(ReminderCardVerbs.Snooze, T.Get("action.snoozeSave", language), model)))
            { Title = T.Get("action.snooze", language) });
        }

        actions.Add(new ShowCardAction(SubCard(
            [
                new TextInput
                {
                    Id = ReminderCardVerbs.HelpNoteInput,
                    Label = T.Get("help.label", language),
                    Placeholder = T.Get("help.placeholder", language),
                    IsMultiline = true,
                    MaxLength = ReminderCardVerbs.MaxNoteLength,
                },
            ],
            Execute(ReminderCardVerbs.Help, T.Get("action.helpSend", language), model)))
        { Title = T.Get("action.help", language) });

        actions.Add(new ShowCardAction(SettingsCard(model)) { Title = T.Get("action.settings", language) });
        return actions;
    }

    private static AdaptiveCard SettingsCard(ReminderCardModel model)
    {
        var language = model.Language;
        var zone = model.Partner.TimeZoneId is { Length: > 0 } id ? ": " + id : "";
        var quiet = model.Partner.QuietHours;
        return SubCard(
            [
                new TextBlock(T.Format("settings.quietIntro", language, CardText.Escape(zone))) { Wrap = true },
                new ColumnSet(
                [
                    new Column([HourChoice(ReminderCardVerbs.QuietFromInput, T.Get("settings.quietFrom", language), quiet?.Start, language)]) { Width = "stretch" },
                    new Column([HourChoice(ReminderCardVerbs.QuietToInput, T.Get("settings.quietTo", language), quiet?.End, language)]) { Width = "stretch" },
                ]),
            ],
            Execute(ReminderCardVerbs.QuietHours, T.Get("action.quietSave", language), model),
            Execute(ReminderCardVerbs.OptOut, T.Get("action.optOut", language), model, AssociatedInputs.None));
    }

    private static ChoiceSetInput HourChoice(string id, string label, TimeOnly? value, Language language)
    {
        var choices = new List<Choice> { new(T.Get("settings.quietNone", language), ReminderCardVerbs.QuietNone) };
        for (var hour = 0; hour < 24; hour++)
        {
            var text = hour.ToString("00", CultureInfo.InvariantCulture) + ":00";
            choices.Add(new Choice(text, text));
        }

        return new ChoiceSetInput(choices)
        {
            Id = id,
            Label = label,
            Style = ChoiceInputStyle.Compact,
            Value = value is { } v ? v.ToString("HH:mm", CultureInfo.InvariantCulture) : ReminderCardVerbs.QuietNone,
        };
    }

    private static AdaptiveCard SubCard(IReadOnlyList<AdaptiveElement> body, params AdaptiveAction[] actions) => new()
    {
        Body = body,
        Actions = actions,
    };

    private static ExecuteAction Execute(string verb, string title, ReminderCardModel model, AssociatedInputs? inputs = null) =>
        ExecuteAction.WithSubmitFallback(title, verb, new ReminderCardData { WorkshopId = model.Partner.WorkshopId, CommitmentId = model.Commitment.Id }, inputs);
}
