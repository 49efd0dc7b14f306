using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Reports;
using static SocialProtection.Bot.Workshop.Facilitation.Cards.FacilitationCardParts;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation.Cards;

/// <summary>
/// The report's headline in the channel: participation per group and in total, commitments, the shared ideas,
/// and the download links the host issues (none when it offers no downloads). The report itself is a file.
/// </summary>
internal static class ReportCard
{
    private const int IdeasShown = 5;

    /// <param name="downloads">Format label ("Markdown", "HTML", "CSV") and link, only those the host issued.</param>
    public static AdaptiveCard Build(WorkshopReport report, IReadOnlyList<(string Label, Uri Link)> downloads)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(downloads);
        var body = new List<AdaptiveElement>();
        body.AddRange(Title(FacilitationTextKeys.ReportTitle));
        body.Add(WorkshopTitle(report.WorkshopTitle));
        body.AddRange(Date(report.WorkshopDate));
        var facts = report.Overview
            .Select(g => new Fact(CardText.Escape(g.GroupName ?? g.GroupId), Counts(g)))
            .Append(new Fact("**" + Strings.Both(FacilitationTextKeys.ProgressTotal) + "**", Counts(report.Totals)))
            .ToList();
        body.Add(new FactSet(facts) { Separator = true });
        body.Add(new TextBlock(Strings.Both(FacilitationTextKeys.ReportCommitments, report.Commitments.Count)) { Wrap = true });
        if (report.Ideas.Count > 0)
        {
            var ideas = string.Join(" · ", report.Ideas.Take(IdeasShown).Select(i => CardText.Escape(i.Label) + " (" + i.ParticipantCount.ToString(CultureInfo.InvariantCulture) + ")"));
            body.Add(new TextBlock(Strings.Both(FacilitationTextKeys.ReportIdeas)) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });
            body.Add(new TextBlock(ideas) { Wrap = true });
        }
        if (downloads.Count > 0)
        {
            // The links come from the host's issuer, never from user input; markdown links are the card's only link form here.
            body.Add(new TextBlock(Strings.Both(FacilitationTextKeys.ReportDownload) + " " +
                                   string.Join(" · ", downloads.Select(d => $"[{d.Label}]({d.Link.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal)})")))
            {
                Wrap = true,
                Spacing = Spacing.Medium,
            });
        }
        body.Add(AsOf(report.GeneratedAt));
        return Card(body);
    }

    private static string Counts(GroupOverview overview) =>
        Strings.Both(FacilitationTextKeys.ReportCounts, overview.Participants, overview.Respondents, overview.Submitted, overview.Answers);
}
