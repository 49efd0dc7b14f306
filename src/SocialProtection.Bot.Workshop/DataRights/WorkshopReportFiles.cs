using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Reports.Docx;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// The workshop report as a file, built from the answers and votes as they are now (so a download is never stale):
/// every participant in their breakout group, each group's dot-vote tally, built with <see cref="WorkshopReportBuilder"/>
/// and rendered as Markdown, HTML, CSV or Word (Thai or English).
/// </summary>
internal sealed class WorkshopReportFiles(
    WorkshopParticipantReader participants,
    DotVoteStore ballots,
    WorkshopReportBuilder builder,
    MarkdownReportRenderer markdown,
    HtmlReportRenderer html,
    CsvReportRenderer csv,
    DocxReportRenderer docx,
    TimeProvider time)
{
    /// <summary>The group of participants who joined no breakout group (e.g. answered in the default workshop).</summary>
    public const string WholeWorkshopGroupId = "all";

    public async Task<ExportFile> BuildAsync(WorkshopFacts workshop, DownloadFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(BangkokTime.ToLocal(now).DateTime);
        var byGroup = new Dictionary<string, List<SummaryParticipant>>(StringComparer.Ordinal);
        await foreach (var p in participants.ReadAsync(workshop.Workshop.Id, workshop.Workshop.Visibility, workshop.AnonymityKey, cancellationToken))
        {
            var groupId = p.Record.GroupId ?? WholeWorkshopGroupId;
            if (!byGroup.TryGetValue(groupId, out var members))
            {
                byGroup[groupId] = members = [];
            }
            members.Add(new SummaryParticipant(p.UserKey, p.DisplayName, p.Record));
        }
        var groups = byGroup
            .Select(g => new ReportGroup(g.Key, g.Key == WholeWorkshopGroupId ? null : workshop.Workshop.GroupName(g.Key), g.Value))
            .ToList();
        var votes = new Dictionary<string, DotVoteTally>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (await ballots.GetBallotAsync(workshop.Workshop.Id, group.GroupId, cancellationToken) is { } ballot)
            {
                votes[group.GroupId] = await ballots.TallyAsync(ballot, cancellationToken);
            }
        }
        var report = builder.Build(
            new WorkshopReportRequest
            {
                WorkshopId = workshop.Workshop.Id,
                WorkshopTitle = workshop.Workshop.Title,
                WorkshopDate = workshop.Workshop.Date ?? today,
                Visibility = workshop.Workshop.Visibility,
                AnonymityKey = workshop.AnonymityKey,
                QuestionSet = workshop.Workshop.QuestionSet,
                Groups = groups,
                Votes = votes,
                GeneratedAt = now,
            },
            cancellationToken);
        var (file, extension, artifact) = format switch
        {
            DownloadFormat.Md => (markdown.ToFile(report), "md", "report"),
            DownloadFormat.Html => (html.ToFile(report), "html", "report"),
            DownloadFormat.Csv => (csv.ToFile(report), "csv", "report"),
            DownloadFormat.Docx => (docx.ToFile(report, Language.Thai), "docx", "report"),
            DownloadFormat.DocxEnglish => (docx.ToFile(report, Language.English), "docx", "report-en"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A report is Markdown, HTML, CSV or Word."),
        };
        var (fileName, ascii) = DownloadFileName.For(workshop.Workshop.Title, workshop.Workshop.Id, artifact, today, extension);
        return new ExportFile(fileName, ascii, file.ContentType, file.Content.ToStream());
    }
}
