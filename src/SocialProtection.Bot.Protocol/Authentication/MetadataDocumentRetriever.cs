using Microsoft.IdentityModel.Protocols;
using SocialProtection.Bot.Protocol.Connector;

namespace SocialProtection.Bot.Protocol.Authentication;

/// <summary>
/// Fetches OpenID metadata and key sets through <see cref="IHttpClientFactory"/>. Plain http is refused except on
/// loopback (local test endpoints), and documents are capped in size.
/// </summary>
internal sealed class MetadataDocumentRetriever(IHttpClientFactory httpClientFactory) : IDocumentRetriever
{
    public const string HttpClientName = "SocialProtection.Bot.OpenIdMetadata";
    public const int MaxDocumentBytes = 1024 * 1024;

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !IsAllowed(uri))
        {
            throw new IOException("The OpenID metadata address must be https (http only on loopback).");
        }
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancel);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"The OpenID metadata endpoint answered {(int)response.StatusCode}.");
        }
        if (response.Content.Headers.ContentLength > MaxDocumentBytes)
        {
            throw new IOException("The OpenID metadata document is too large.");
        }
        return await response.Content.ReadAsStringAsync(cancel);
    }

    public static bool IsAllowed(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && ServiceUrl.IsLoopback(uri));
}
