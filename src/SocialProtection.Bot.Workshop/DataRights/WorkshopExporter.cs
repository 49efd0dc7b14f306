using System.Runtime.CompilerServices;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Exports everything the bot keeps about a workshop, for the facilitator (PDPA access and portability): the
/// workshop, every participant's answers (named, or numbered in anonymous workshops), their commitments with the
/// follow-up status, and the stored summaries; as JSON, or as CSV with one row per answer. The file is written to a
/// temporary file that is deleted when the returned <see cref="ExportFile"/> is disposed: a workshop of any size
/// takes little memory, and a store failure halfway is an exception before the first byte is sent, never a cut file.
/// </summary>
internal sealed class WorkshopExporter(IObjectStore store, WorkshopParticipantReader participants, WorkshopDirectory workshops, TimeProvider time, QuestionKinds kinds)
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string CsvContentType = "text/csv; charset=utf-8";

    private const string SummaryFileName = "/summary.json";

    /// <summary>The workshop's export, or null when there is no such workshop.</summary>
    public async Task<ExportFile?> ExportAsync(string workshopId, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        if (await workshops.DescribeAsync(workshopId, cancellationToken) is not { } described)
        {
            return null;
        }
        return await ExportAsync(described.Workshop, described.AnonymityKey, format, cancellationToken);
    }

    public async Task<ExportFile> ExportAsync(ExportedWorkshop workshop, AnonymityKey anonymityKey, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(anonymityKey);
        var now = time.GetUtcNow();
        var content = TemporaryFile.Create();
        try
        {
            var people = participants.ReadAsync(workshop.Id, workshop.Visibility, anonymityKey, cancellationToken);
            if (format == ExportFormat.Csv)
            {
                await using var csv = new ExportCsvWriter(content, kinds);
                await csv.WriteHeaderAsync(workshop, cancellationToken);
                await foreach (var participant in people)
                {
                    await csv.WriteParticipantAsync(participant, cancellationToken);
                }
                await csv.CompleteAsync(cancellationToken);
            }
            else
            {
                await using var json = new ExportJsonWriter(content);
                json.WriteHeader(workshop, now);
                await foreach (var participant in people)
                {
                    await json.WriteParticipantAsync(participant, cancellationToken);
                }
                await json.CompleteAsync(StoredSummariesAsync(workshop.Id, cancellationToken), cancellationToken);
            }
            content.Position = 0;
            var extension = format == ExportFormat.Csv ? "csv" : "json";
            var day = DateOnly.FromDateTime(BangkokTime.ToLocal(now).DateTime);
            var (fileName, ascii) = DownloadFileName.For(workshop.Title, workshop.Id, "export", day, extension);
            return new ExportFile(fileName, ascii, format == ExportFormat.Csv ? CsvContentType : JsonContentType, content);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every stored summary of the workshop (all groups, then each group), as the JSON it was stored as.</summary>
    private async IAsyncEnumerable<ReadOnlyMemory<byte>> StoredSummariesAsync(string workshopId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = StoredSummaryRedactor.SummariesPrefix(workshopId);
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(prefix, cancellationToken))
        {
            if (info.Key.EndsWith(SummaryFileName, StringComparison.Ordinal) && !info.Key.Contains("/votes/", StringComparison.Ordinal))
            {
                keys.Add(info.Key);
            }
        }
        foreach (var key in keys)
        {
            if (await store.GetAsync(key, cancellationToken) is { } stored && IsJson(stored.Content))
            {
                yield return stored.Content.ToMemory();
            }
        }
    }

    // A damaged summary is left out rather than failing the whole export.
    private static bool IsJson(BinaryData content)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(content.ToMemory());
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
