using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Facilitation;
using static SocialProtection.Bot.Workshop.Facilitation.Cards.FacilitationCardParts;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation.Cards;

/// <summary>
/// The live progress card: per group how many joined, started and submitted, and when that was counted. It refreshes
/// on request only (<c>refresh.userIds</c> empty: Teams offers "Refresh card" in the message menu instead of every
/// viewer asking at once) and with its Refresh button; posting progress again updates this card in place. The card
/// the channel sees has counts only; a facilitator's refresh of a named workshop answers them alone with the names
/// (<see cref="ProgressRoster"/>). Its "Remind those who have not finished" button is for facilitators.
/// </summary>
internal static class ProgressCard
{
    /// <param name="roster">The names, only for a facilitator's own view of a named workshop; null for the channel.</param>
    public static AdaptiveCard Build(WorkshopProgress progress, ProgressRoster? roster = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var workshop = progress.Workshop;
        var body = new List<AdaptiveElement>();
        body.AddRange(Title(FacilitationTextKeys.ProgressTitle));
        body.Add(WorkshopTitle(workshop.Title));
        if (!workshop.IsOpen)
        {
            body.Add(new TextBlock(Strings.Both(FacilitationTextKeys.KickoffClosed)) { Color = TextColor.Attention, Wrap = true, Size = TextSize.Small });
        }
        var facts = progress.Groups
            .Select(g => new Fact(
                g.GroupName is { } name ? CardText.Escape(name) : Strings.Both(FacilitationTextKeys.ProgressNoGroup),
                Counts(g)))
            .Append(new Fact("**" + Strings.Both(FacilitationTextKeys.ProgressTotal) + "**", Counts(progress.Total)))
            .ToList();
        body.Add(new FactSet(facts) { Separator = true });
        if (roster is not null)
        {
            body.AddRange(ProgressRosterSection.Build(roster));
        }
        else if (workshop.Visibility == AnswerVisibility.Named)
        {
            body.Add(new TextBlock(ProgressReminderText.Default.Both(ProgressReminderTextKeys.RosterHint)) { Size = TextSize.Small, IsSubtle = true, Wrap = true });
        }
        body.Add(AsOf(progress.CountedAt));
        var data = new WorkshopCardData { WorkshopId = workshop.Id };
        var refresh = new CardRefresh(new ExecuteAction
        {
            Verb = FacilitationVerbs.RefreshProgress,
            Data = CardDataJson.Write(data, FacilitationVerbs.RefreshProgress),
        })
        {
            UserIds = [],
        };
        var remind = ExecuteAction.WithSubmitFallback(
            ProgressReminderText.Default.Both(ProgressReminderTextKeys.Button), FacilitationVerbs.RemindUnfinished, data, AssociatedInputs.None);
        return Card(body, [Button(FacilitationTextKeys.ProgressRefresh, FacilitationVerbs.RefreshProgress, data, sendsInputs: false), remind], refresh);
    }

    private static string Counts(GroupProgress row) => Strings.Both(FacilitationTextKeys.ProgressCounts, row.Joined, row.Started, row.Submitted);
}
