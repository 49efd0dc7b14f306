using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Reports.Docx;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Exports;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// The whole workshop's report (<see cref="WorkshopReportBuilder"/>) from its participants' records and its groups'
/// dot votes: as a file in Markdown, HTML, CSV or Word (<see cref="BuildReportAsync"/>, for the host's download links), and
/// as a headline card in the channel for the facilitator's <c>report</c>.
/// </summary>
internal sealed partial class WorkshopReports(
    WorkshopStore workshops,
    WorkshopParticipants participants,
    QuestionSetCatalog sets,
    WorkshopReportBuilder builder,
    MarkdownReportRenderer markdown,
    HtmlReportRenderer html,
    CsvReportRenderer csv,
    DocxReportRenderer docx,
    DotVoteStore votes,
    IDownloadLinkIssuer links,
    ChannelPoster poster,
    TimeProvider time,
    ILogger<WorkshopReports> logger)
{
    /// <summary>The artifact name download links use for the report.</summary>
    public const string ReportArtifact = "report";

    private static readonly (ReportFormat Format, string Code, string Label)[] Formats =
    [
        (ReportFormat.Markdown, "md", "Markdown"),
        (ReportFormat.Html, "html", "HTML"),
        (ReportFormat.Csv, "csv", "CSV"),
        (ReportFormat.Docx, "docx", "Word (ไทย)"),
        (ReportFormat.DocxEnglish, "docx-en", "Word (English)"),
    ];

    /// <summary>The report of <paramref name="workshopId"/> as a file, or null when there is no such workshop.</summary>
    public async Task<ReportFile?> BuildReportAsync(string workshopId, ReportFormat format, CancellationToken cancellationToken)
    {
        if (!WorkshopIds.IsValid(workshopId) || await workshops.GetAsync(workshopId, cancellationToken) is not { } workshop)
        {
            return null;
        }
        var report = await BuildAsync(workshop, cancellationToken);
        return format switch
        {
            ReportFormat.Markdown => markdown.ToFile(report),
            ReportFormat.Html => html.ToFile(report),
            ReportFormat.Csv => csv.ToFile(report),
            ReportFormat.Docx => docx.ToFile(report, Language.Thai),
            ReportFormat.DocxEnglish => docx.ToFile(report, Language.English),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
        };
    }

    /// <summary>The format a download link names ("md", "html", "csv", "docx", "docx-en"), or null for any other.</summary>
    public static ReportFormat? ParseFormat(string? code) =>
        Formats.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase)) is { Code: not null } match ? match.Format : null;

    /// <summary>Builds the report and posts its headline card, with download links for <paramref name="requestedBy"/>, into the workshop's channel.</summary>
    public async Task PostHeadlineAsync(WorkshopRecord workshop, string requestedBy, CancellationToken cancellationToken)
    {
        var report = await BuildAsync(workshop, cancellationToken);
        var downloads = Formats
            .Select(f => (f.Label, Link: links.Issue(workshop.Id, ReportArtifact, f.Code, requestedBy)))
            .Where(d => d.Link is not null)
            .Select(d => (d.Label, d.Link!))
            .ToList();
        await poster.PostAsync(workshop.Channel, MessageFactory.Card(ReportCard.Build(report, downloads).ToAttachment()), cancellationToken);
        LogPosted(logger, workshop.Id, downloads.Count);
    }

    public async Task<WorkshopReport> BuildAsync(WorkshopRecord workshop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        var set = sets.Find(workshop.QuestionSetId)
            ?? throw new StoredDataCorruptException(WorkshopKeys.Workshop(workshop.Id), "it asks a question set this bot does not have");
        var everyone = await participants.ReadAllAsync(workshop.Id, cancellationToken);
        var named = workshop.Visibility == AnswerVisibility.Named;
        var groups = workshop.Groups
            .Select(g => new ReportGroup(g.Id, g.Name, [.. everyone
                .Where(p => WorkshopProgress.GroupOf(workshop, p.Record) == g.Id)
                .Select(p => new SummaryParticipant(p.UserKey, named ? p.Record.DisplayName : null, p.Record))]))
            .ToList();
        var tallies = new Dictionary<string, DotVoteTally>(StringComparer.Ordinal);
        foreach (var group in workshop.Groups)
        {
            if (await votes.GetBallotAsync(workshop.Id, group.Id, cancellationToken) is { } ballot)
            {
                tallies[group.Id] = await votes.TallyAsync(ballot, cancellationToken);
            }
        }
        return builder.Build(new WorkshopReportRequest
        {
            WorkshopId = workshop.Id,
            WorkshopTitle = workshop.Title,
            WorkshopDate = workshop.Date,
            Visibility = workshop.Visibility,
            AnonymityKey = workshop.GetAnonymityKey(),
            QuestionSet = set,
            Groups = groups,
            Votes = tallies,
            GeneratedAt = time.GetUtcNow(),
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted the report headline of workshop {WorkshopId} with {Links} download links")]
    private static partial void LogPosted(ILogger logger, string workshopId, int links);
}
