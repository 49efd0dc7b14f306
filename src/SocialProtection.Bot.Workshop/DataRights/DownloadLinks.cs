using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>Builds the short-lived link <c>{base}/downloads/{token}</c> that the host serves (the base: <see cref="DownloadBaseUrl"/>).</summary>
internal sealed class DownloadLinks(DownloadTokens tokens, Func<Uri> baseUrl)
{
    /// <summary>The path the host maps (<c>/downloads/{token}</c>).</summary>
    public const string PathPrefix = "downloads/";

    public DownloadLinks(DownloadTokens tokens, Uri baseUrl)
        : this(tokens, () => baseUrl)
    {
    }

    /// <summary>The base links are made on now (it may follow the request being served).</summary>
    public Uri BaseUrl => baseUrl();

    public Uri Create(DownloadRequest request) => new(BaseUrl, PathPrefix + tokens.Create(request));
}
