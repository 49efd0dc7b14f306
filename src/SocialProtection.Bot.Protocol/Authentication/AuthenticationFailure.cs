namespace SocialProtection.Bot.Protocol.Authentication;

/// <summary>Why a request was not authenticated; logged (never the token itself) and mapped to an HTTP status.</summary>
internal enum AuthenticationFailure
{
    MissingHeader,
    NotBearer,
    MalformedToken,
    UntrustedIssuer,
    UnknownSigningKey,
    InvalidToken,
    ChannelNotEndorsed,
    ServiceUrlMismatch,
    TenantMismatch,
    /// <summary>An Entra token asked for by an app that is neither the bot nor in Bot:AllowedCallers (claims azp / appid).</summary>
    CallerNotAllowed,
    ServiceUrlNotLoopback,
    /// <summary>The signing keys could not be fetched: the token cannot be judged, so the answer is 503, not 401.</summary>
    MetadataUnavailable,
}
