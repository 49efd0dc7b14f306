using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>
/// The card a facilitator gets in the workshop's channel when a partner presses "Need help": who, which commitment,
/// its due date and the partner's message (user text, never parsed as markdown). Thai first, English under it,
/// since the channel's readers may prefer either.
/// </summary>
internal static class HelpRequestCard
{
    private static readonly TextCatalog T = ReminderText.Default;

    public static AdaptiveCard Build(HelpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var who = request.PartnerName is { Length: > 0 } name ? name : T.Get("help.unknownPartner", Language.Thai) + " / " + T.Get("help.unknownPartner", Language.English);
        var body = new List<AdaptiveElement>
        {
            new TextBlock(T.Get("reminder.caption", Language.Thai) + " · " + T.Get("reminder.caption", Language.English)) { Size = TextSize.Small, IsSubtle = true, Wrap = true },
            new TextBlock(T.Get("help.title", Language.Thai)) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(T.Get("help.title", Language.English)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new RichTextBlock([new TextRun(who) { Weight = TextWeight.Bolder }]),
            new RichTextBlock([new TextRun(request.Commitment.Action)]),
            new FactSet(
            [
                new(Both("fact.organisation"), CardText.Escape(request.Commitment.Organisation)),
                new(Both("fact.due"), ThaiDateFormatter.Format(request.Commitment.DueDate, Language.Thai) + " · " + ThaiDateFormatter.Format(request.Commitment.DueDate, Language.English)),
                new(Both("fact.status"), ReminderCard.StatusText(request.Commitment.Status, Language.Thai) + " / " + ReminderCard.StatusText(request.Commitment.Status, Language.English)),
            ]),
            new TextBlock(Both("help.note")) { Weight = TextWeight.Bolder, Wrap = true },
            request.Note is { Length: > 0 } note
                ? new RichTextBlock([new TextRun(note)])
                : new TextBlock(T.Get("help.noNote", Language.Thai) + " " + T.Get("help.noNote", Language.English)) { IsSubtle = true, Wrap = true },
            new TextBlock(ThaiDateFormatter.FormatDateTime(request.At, Language.Thai)) { Size = TextSize.Small, IsSubtle = true, Wrap = true },
        };
        return new AdaptiveCard
        {
            Body = body,
            FallbackText = T.Get("help.title", Language.Thai) + " / " + T.Get("help.title", Language.English),
            MsTeams = TeamsCardProperties.FullWidth,
        };
    }

    private static string Both(string key) => T.Get(key, Language.Thai) + " / " + T.Get(key, Language.English);
}
