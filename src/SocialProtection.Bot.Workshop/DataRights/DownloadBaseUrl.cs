namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// The base of download links, in order: <c>Bot:PublicBaseUrl</c>, https://{WEBSITE_HOSTNAME} on App Service, the
/// address the bot is being reached at (<see cref="IServedBaseUrl"/>), and only then <see cref="DownloadOptions.LocalBaseUrl"/>.
/// So a bot run on another port (BOT_PORT) or behind a dev tunnel links to itself without configuration.
/// </summary>
internal sealed class DownloadBaseUrl(Uri? configured, IServedBaseUrl? served)
{
    private static readonly Uri Local = DownloadOptions.ResolveBaseUrl(null, null);

    /// <summary>From the "Bot" options and the App Service host name; throws when a configured URL is not valid.</summary>
    public static DownloadBaseUrl From(string? publicBaseUrl, string? appServiceHostName, IServedBaseUrl? served) =>
        new(string.IsNullOrWhiteSpace(publicBaseUrl) && string.IsNullOrWhiteSpace(appServiceHostName)
            ? null
            : DownloadOptions.ResolveBaseUrl(publicBaseUrl, appServiceHostName), served);

    public Uri Resolve() => configured ?? Normalize(served?.Current()) ?? Local;

    /// <summary>The served address as a link base: absolute http(s), no query or fragment, a trailing slash; null otherwise.</summary>
    public static Uri? Normalize(Uri? candidate)
    {
        if (candidate is null || !candidate.IsAbsoluteUri
            || (candidate.Scheme != Uri.UriSchemeHttp && candidate.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(candidate.UserInfo) || !string.IsNullOrEmpty(candidate.Query) || !string.IsNullOrEmpty(candidate.Fragment))
        {
            return null;
        }
        return candidate.AbsolutePath.EndsWith('/') ? candidate : new Uri(candidate.AbsoluteUri + "/");
    }
}
