using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Authentication;

/// <summary>
/// A validated caller token, before it is matched with the activity it came with: the signing key's channel
/// endorsements and the <c>serviceurl</c> claim bind the token to one channel and one connector.
/// </summary>
internal sealed record ChannelIdentity(
    ChannelTokenIssuer Issuer,
    string? ServiceUrlClaim,
    IReadOnlySet<string> Endorsements,
    string? TenantId)
{
    /// <summary>Checks the token against the activity; null when it may proceed, else why not.</summary>
    public AuthenticationFailure? Admit(Activity activity, IReadOnlyList<string> trustedServiceUrlHosts)
    {
        if (Issuer == ChannelTokenIssuer.BotFramework)
        {
            if (activity.ChannelId is not { Length: > 0 } channelId || !Endorsements.Contains(channelId))
            {
                return AuthenticationFailure.ChannelNotEndorsed;
            }
            return ServiceUrl.SameEndpoint(ServiceUrlClaim, activity.ServiceUrl) ? null : AuthenticationFailure.ServiceUrlMismatch;
        }

        if (ServiceUrlClaim is not null)
        {
            return ServiceUrl.SameEndpoint(ServiceUrlClaim, activity.ServiceUrl) ? null : AuthenticationFailure.ServiceUrlMismatch;
        }
        // An Entra token does not name the connector, so only a known connector host may receive the bot's replies.
        return ServiceUrl.TryParse(activity.ServiceUrl, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && trustedServiceUrlHosts.Any(pattern => HostMatches(uri.IdnHost, pattern))
                ? null
                : AuthenticationFailure.ServiceUrlMismatch;
    }

    private static bool HostMatches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
}
