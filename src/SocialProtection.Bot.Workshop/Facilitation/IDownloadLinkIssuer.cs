namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Makes the link a facilitator downloads a workshop artifact from (e.g. the report as "md", "html" or "csv"). The host
/// registers the real issuer (signed links it serves); the default gives no link, and cards then show no download.
/// </summary>
public interface IDownloadLinkIssuer
{
    /// <summary>A link to <paramref name="artifact"/> of <paramref name="workshopId"/> in <paramref name="format"/>, or null when downloads are not offered.</summary>
    Uri? Issue(string workshopId, string artifact, string format);
}
