using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Makes the link a facilitator downloads a workshop artifact from (e.g. the report as "md", "html" or "csv"). The host
/// registers the real issuer (signed links it serves); the default gives no link, and cards then show no download.
/// </summary>
internal interface IDownloadLinkIssuer
{
    /// <summary>A link to <paramref name="artifact"/> of <paramref name="workshopId"/> in <paramref name="format"/>, or null when downloads are not offered.</summary>
    Uri? Issue(string workshopId, string artifact, string format);

    /// <summary>
    /// As <see cref="Issue(string, string, string)"/>, for a link asked for by the facilitator <paramref name="requestedBy"/>
    /// (a user key), so an issuer can tie the link to them; by default the asker is not recorded.
    /// </summary>
    Uri? Issue(string workshopId, string artifact, string format, string requestedBy) => Issue(workshopId, artifact, format);
}
