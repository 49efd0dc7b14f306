using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Text;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// The workshop report as a file, built from the answers as they are now (so a download is never stale): read every
/// participant, build with <see cref="WorkshopReportBuilder"/> and render as Markdown, HTML or CSV.
/// </summary>
public sealed class WorkshopReportFiles(
    WorkshopParticipantReader participants,
    WorkshopReportBuilder builder,
    MarkdownReportRenderer markdown,
    HtmlReportRenderer html,
    CsvReportRenderer csv,
    TimeProvider time)
{
    /// <summary>The id the report uses for its one group while the workshop has no breakout groups of its own.</summary>
    public const string WholeWorkshopGroupId = "all";

    public async Task<ExportFile> BuildAsync(WorkshopFacts workshop, DownloadFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(BangkokTime.ToLocal(now).DateTime);
        var people = new List<Summaries.SummaryParticipant>();
        await foreach (var p in participants.ReadAsync(workshop.Workshop.Id, workshop.Workshop.Visibility, workshop.AnonymityKey, cancellationToken))
        {
            people.Add(new Summaries.SummaryParticipant(p.UserKey, p.DisplayName, p.Record));
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
                Groups = [new ReportGroup(WholeWorkshopGroupId, null, people)],
                GeneratedAt = now,
            },
            cancellationToken);
        var (file, extension) = format switch
        {
            DownloadFormat.Md => (markdown.ToFile(report), "md"),
            DownloadFormat.Html => (html.ToFile(report), "html"),
            DownloadFormat.Csv => (csv.ToFile(report), "csv"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A report is Markdown, HTML or CSV."),
        };
        var (fileName, ascii) = DownloadFileName.For(workshop.Workshop.Title, workshop.Workshop.Id, "report", today, extension);
        return new ExportFile(fileName, ascii, file.ContentType, file.Content.ToStream());
    }
}
