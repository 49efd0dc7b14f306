using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>The issuer used until the host offers downloads: no links, so report cards show only their numbers.</summary>
public sealed class NoDownloadLinks : IDownloadLinkIssuer
{
    public Uri? Issue(string workshopId, string artifact, string format) => null;
}
