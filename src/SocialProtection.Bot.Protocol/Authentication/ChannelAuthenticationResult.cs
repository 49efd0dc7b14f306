namespace SocialProtection.Bot.Protocol.Authentication;

/// <summary>The outcome of checking a request's bearer token: an identity, or why not.</summary>
internal sealed record ChannelAuthenticationResult(ChannelIdentity? Identity, AuthenticationFailure? Failure, string? Detail = null)
{
    public static ChannelAuthenticationResult Success(ChannelIdentity identity) => new(identity, null);

    /// <param name="detail">A non-personal hint for the log, e.g. the validator's exception type.</param>
    public static ChannelAuthenticationResult Fail(AuthenticationFailure failure, string? detail = null) => new(null, failure, detail);
}
