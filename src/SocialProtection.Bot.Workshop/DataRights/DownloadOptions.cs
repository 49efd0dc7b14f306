using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>Where download links point, from the "Bot" configuration section.</summary>
internal sealed class DownloadOptions
{
    public const string SectionName = "Bot";

    /// <summary>The local address <c>dotnet run</c> listens on (Properties/launchSettings.json).</summary>
    public const string LocalBaseUrl = "http://127.0.0.1:3978";

    /// <summary>
    /// The bot's public address as a browser reaches it (<c>Bot:PublicBaseUrl</c>), e.g. https://mybot.azurewebsites.net.
    /// When empty: https://{WEBSITE_HOSTNAME} on Azure App Service, else the address the bot is reached at
    /// (<see cref="DownloadBaseUrl"/>), else <see cref="LocalBaseUrl"/>.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The base URL links are built on, with a trailing slash. Throws when the configured one is not an absolute http(s) URL.</summary>
    public static Uri ResolveBaseUrl(string? publicBaseUrl, string? appServiceHostName)
    {
        var text = !string.IsNullOrWhiteSpace(publicBaseUrl) ? publicBaseUrl.Trim()
            : !string.IsNullOrWhiteSpace(appServiceHostName) ? "https://" + appServiceHostName.Trim()
            : LocalBaseUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new InvalidOperationException("Bot:PublicBaseUrl must be an absolute http or https URL without query or fragment, e.g. https://mybot.azurewebsites.net.");
        }
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
