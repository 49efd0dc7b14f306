using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>
/// A facilitator's look at the next reminder before it goes out: who gets it and when (Bangkok time, both eras), then
/// the reminder card exactly as the partner will read it, in their language, without its buttons (they act only for
/// the partner). In the channel it offers "send it to me now", which delivers the same preview to a personal chat.
/// </summary>
internal static class FollowUpPreviewCard
{
    private static readonly TextCatalog T = ReminderText.Default;

    public static AdaptiveCard Build(FollowUpSnapshot snapshot, DateOnly today, bool offerSendToMe)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var forecast = snapshot.Forecast;
        if (forecast is not { NextPartner: { } partner, NextReminder: { } reminder, NextSendAt: { } at }
            || partner.Find(reminder.CommitmentId) is not { } commitment)
        {
            throw new ArgumentException("There is no next reminder to preview.", nameof(snapshot));
        }

        var label = snapshot.LabelOf(partner);
        var language = LanguageCodes.ParseOrDefault(partner.Language, Language.Thai);
        var reminderCard = ReminderCard.Build(new ReminderCardModel(partner, commitment, reminder.Kind, language, today));
        var body = new List<AdaptiveElement>
        {
            new TextBlock(T.Both("reminder.caption") + " · " + CardText.Escape(snapshot.Title)) { Size = TextSize.Small, IsSubtle = true, Wrap = true },
            new TextBlock(T.Get("preview.title", Language.Thai)) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(T.Get("preview.title", Language.English)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new TextBlock(T.Format("preview.to", Language.Thai, CardText.Escape(label.Th), ThaiDateFormatter.FormatDateTime(at, Language.Thai))) { Wrap = true },
            new TextBlock(T.Format("preview.to", Language.English, CardText.Escape(label.En), ThaiDateFormatter.FormatDateTime(at, Language.English))) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new Container([.. reminderCard.Body ?? []]) { Style = ContainerStyle.Emphasis, Separator = true },
            new TextBlock(T.Get("preview.buttons", Language.Thai)) { Size = TextSize.Small, IsSubtle = true, Wrap = true },
            new TextBlock(T.Get("preview.buttons", Language.English)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        };
        return new AdaptiveCard
        {
            Body = body,
            Actions = offerSendToMe
                ? [ExecuteAction.WithSubmitFallback(T.Both("action.sendToMe"), FollowUpPlanVerbs.SendToMe, new FollowUpPlanData { WorkshopId = snapshot.WorkshopId })]
                : null,
            FallbackText = T.Both("preview.title"),
            MsTeams = TeamsCardProperties.FullWidth,
        };
    }
}
