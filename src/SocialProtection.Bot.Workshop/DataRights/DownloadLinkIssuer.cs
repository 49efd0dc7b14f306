using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// The facilitation feature's <see cref="IDownloadLinkIssuer"/>: signed links served at <c>/downloads/{token}</c>,
/// valid for 15 minutes. <see cref="Issue(string, string, string, string)"/> also names the facilitator who asked,
/// who must still be one when the link is opened; prefer it where the asker is known.
/// </summary>
internal sealed partial class DownloadLinkIssuer(DownloadLinks links, ILogger<DownloadLinkIssuer> logger) : IDownloadLinkIssuer
{
    public Uri? Issue(string workshopId, string artifact, string format) => Create(workshopId, artifact, format, requestedBy: null);

    public Uri? Issue(string workshopId, string artifact, string format, string requestedBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestedBy);
        return Create(workshopId, artifact, format, requestedBy);
    }

    private Uri? Create(string workshopId, string artifact, string format, string? requestedBy)
    {
        if (DownloadRequest.TryCreate(workshopId, artifact, format, requestedBy) is not { } request)
        {
            LogNotOffered(logger, artifact.Length <= 20 ? artifact : "(long)", format.Length <= 20 ? format : "(long)");
            return null;
        }
        try
        {
            return links.Create(request);
        }
        catch (Exception e) when (e is StorageUnavailableException || e.InnerException is StorageUnavailableException)
        {
            // The key ring could not be read or written: the card goes out without a link rather than not at all.
            LogNoKeys(logger, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No download link: {Artifact} as {Format} is not offered")]
    private static partial void LogNotOffered(ILogger logger, string artifact, string format);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No download link: the signing keys could not be reached ({Reason})")]
    private static partial void LogNoKeys(ILogger logger, string reason);
}
