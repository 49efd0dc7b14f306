using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Builds what a valid download link stands for, from the data as it is at download time, after checking again that
/// the workshop exists and that the person who asked for the link (when the link names one) is still one of its
/// facilitators.
/// </summary>
internal sealed class DownloadBuilder(WorkshopDirectory workshops, WorkshopExporter exporter, WorkshopReportFiles reports)
{
    public async Task<DownloadOutcome> BuildAsync(DownloadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await workshops.DescribeAsync(request.WorkshopId, cancellationToken) is not { } workshop)
        {
            return DownloadOutcome.Missing;
        }
        if (request.RequestedBy is { } requester && !workshops.CanRun(workshop, requester))
        {
            return DownloadOutcome.Refused;
        }
        var file = request.Artifact == DownloadArtifact.Export
            ? await exporter.ExportAsync(workshop.Workshop, workshop.AnonymityKey, request.Format == DownloadFormat.Csv ? ExportFormat.Csv : ExportFormat.Json, cancellationToken)
            : await reports.BuildAsync(workshop, request.Format, cancellationToken);
        return new DownloadOutcome.Ready(file);
    }
}
