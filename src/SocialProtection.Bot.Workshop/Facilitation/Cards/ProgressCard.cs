using System.Text.Json;
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
/// viewer asking at once) and with its Refresh button; posting progress again updates this card in place.
/// </summary>
internal static class ProgressCard
{
    public static AdaptiveCard Build(WorkshopProgress progress)
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
        body.Add(AsOf(progress.CountedAt));
        var data = WorkshopData(workshop.Id);
        var refresh = new CardRefresh(new ExecuteAction
        {
            Verb = FacilitationVerbs.RefreshProgress,
            Data = JsonSerializer.SerializeToElement(data, AdaptiveCardJson.Options),
        })
        {
            UserIds = [],
        };
        return Card(body, [Button(FacilitationTextKeys.ProgressRefresh, FacilitationVerbs.RefreshProgress, data, sendsInputs: false)], refresh);
    }

    private static string Counts(GroupProgress row) => Strings.Both(FacilitationTextKeys.ProgressCounts, row.Joined, row.Started, row.Submitted);
}
