using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SocialProtection.Bot.Workshop.DataRights;

namespace SocialProtection.Bot.Host.Hosting;

/// <summary>
/// The address the bot is reached at, for download links when <c>Bot:PublicBaseUrl</c> is not set: the scheme and host
/// of the request being served (a turn runs inside its /api/messages request, so a link made for the report card points
/// where Teams or the Playground reached the bot, BOT_PORT or dev tunnel included), else the first http(s) address the
/// server listens on (a wildcard host read as 127.0.0.1).
/// </summary>
public sealed class ServedBaseUrl(IHttpContextAccessor requests, IServer server) : IServedBaseUrl
{
    private static readonly string[] WildcardHosts = ["0.0.0.0", "[::]", "+", "*"];

    public Uri? Current() => FromRequest(requests.HttpContext?.Request) ?? FromServer();

    /// <summary>
    /// Only a well-formed Host is used: Kestrel has already refused malformed ones, and with an app id only the Bot
    /// Connector (calling the registered messaging endpoint) gets a turn this far.
    /// </summary>
    private static Uri? FromRequest(HttpRequest? request)
    {
        if (request is null || !request.Host.HasValue)
        {
            return null;
        }
        return Uri.TryCreate(request.Scheme + "://" + request.Host.Value + "/", UriKind.Absolute, out var uri)
            && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.UserInfo)
            ? DownloadBaseUrl.Normalize(uri)
            : null;
    }

    private Uri? FromServer()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var text = address;
            foreach (var wildcard in WildcardHosts)
            {
                text = text.Replace("://" + wildcard + ":", "://127.0.0.1:", StringComparison.Ordinal);
            }
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && DownloadBaseUrl.Normalize(uri) is { } normalized)
            {
                return normalized;
            }
        }
        return null;
    }
}
