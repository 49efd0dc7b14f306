using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.DataRights;

namespace SocialProtection.Bot.Host.Hosting;

/// <summary>
/// <c>GET /downloads/{token}</c>: serves the export or report a signed, short-lived link stands for, built from the
/// data as it is now. An altered or unknown token is 404, an expired one 410, a requester who is no longer a
/// facilitator 403, a store that does not answer 503; each with a problem-details body in Thai and English.
/// </summary>
public static partial class DownloadEndpoints
{
    public const string Pattern = "/downloads/{token}";

    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Pattern, DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        string token,
        HttpContext context,
        DownloadTokens tokens,
        DownloadBuilder builder,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DownloadEndpoints).FullName!);
        // The token is a bearer secret in the URL: no caching anywhere, and no Referer carrying it onwards.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        var reading = tokens.Read(token);
        switch (reading.Status)
        {
            case DownloadTokenStatus.Expired:
                return Problem(StatusCodes.Status410Gone, "Link expired", DataRightsTextKeys.DownloadExpired);
            case DownloadTokenStatus.Invalid:
                return Problem(StatusCodes.Status404NotFound, "Not found", DataRightsTextKeys.DownloadNotFound);
        }

        var request = reading.Request!;
        DownloadOutcome outcome;
        try
        {
            outcome = await builder.BuildAsync(request, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            context.Response.Headers.RetryAfter = "10";
            return Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", DataRightsTextKeys.DownloadUnavailable);
        }
        catch (StoredDataCorruptException)
        {
            // The workshop's own record is damaged: a fault of ours, said plainly rather than as a bare crash.
            LogDamaged(logger, request.WorkshopId);
            return Problem(StatusCodes.Status500InternalServerError, "Workshop data damaged", DataRightsTextKeys.DownloadDamaged);
        }

        switch (outcome)
        {
            case DownloadOutcome.Forbidden:
                LogRefused(logger, request.WorkshopId, SubjectHash.Of(request.RequestedBy ?? ""));
                return Problem(StatusCodes.Status403Forbidden, "Forbidden", DataRightsTextKeys.DownloadForbidden);
            case DownloadOutcome.Ready ready:
                await using (var file = ready.File)
                {
                    // filename= is the ASCII fallback; filename*= carries the real (often Thai) name in UTF-8 (RFC 6266).
                    var disposition = new ContentDispositionHeaderValue("attachment") { FileName = file.AsciiFileName, FileNameStar = file.FileName };
                    context.Response.StatusCode = StatusCodes.Status200OK;
                    context.Response.ContentType = file.ContentType;
                    context.Response.ContentLength = file.Content.Length;
                    context.Response.Headers.ContentDisposition = disposition.ToString();
                    context.Response.Headers.XContentTypeOptions = "nosniff";
                    await file.Content.CopyToAsync(context.Response.Body, cancellationToken);
                }
                LogServed(logger, request.WorkshopId, DownloadRequest.Word(request.Artifact), DownloadRequest.Word(request.Format), request.RequestedBy is null ? "-" : SubjectHash.Of(request.RequestedBy));
                return Results.Empty;
            default:
                return Problem(StatusCodes.Status404NotFound, "Not found", DataRightsTextKeys.DownloadNotFound);
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detailKey) =>
        TypedResults.Problem(detail: DataRightsText.Default.Both(detailKey), statusCode: status, title: title);

    [LoggerMessage(Level = LogLevel.Information, Message = "Served a download of workshop {WorkshopId}: {Artifact} as {Format}, asked by subject {Subject}")]
    private static partial void LogServed(ILogger logger, string workshopId, string artifact, string format, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a download of workshop {WorkshopId}: subject {Subject} is no longer a facilitator")]
    private static partial void LogRefused(ILogger logger, string workshopId, string subject);

    [LoggerMessage(Level = LogLevel.Error, Message = "A download of workshop {WorkshopId} failed: its stored data is damaged")]
    private static partial void LogDamaged(ILogger logger, string workshopId);
}
