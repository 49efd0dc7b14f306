using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>Builds the short-lived link <c>{Bot:PublicBaseUrl}/downloads/{token}</c> that the host serves.</summary>
internal sealed class DownloadLinks(DownloadTokens tokens, Uri baseUrl)
{
    /// <summary>The path the host maps (<c>/downloads/{token}</c>).</summary>
    public const string PathPrefix = "downloads/";

    public Uri BaseUrl { get; } = baseUrl;

    public Uri Create(DownloadRequest request) => new(BaseUrl, PathPrefix + tokens.Create(request));
}
