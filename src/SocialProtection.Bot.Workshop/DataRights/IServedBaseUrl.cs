namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Where the bot is being reached right now, as the web host sees it: the scheme and host of the request being served
/// (the /api/messages request that asks for a link), else the addresses the server listens on. Provided by the host;
/// used for download links only when <c>Bot:PublicBaseUrl</c> (or App Service's host name) is not set.
/// </summary>
internal interface IServedBaseUrl
{
    /// <summary>An absolute http(s) URL with a trailing slash, or null when the host knows none.</summary>
    Uri? Current();
}
