using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>What reading a download token found.</summary>
internal enum DownloadTokenStatus
{
    Valid,

    /// <summary>Signed by us, but its time is up (the link answers 410 Gone).</summary>
    Expired,

    /// <summary>Not a token we signed: altered, cut short, made up, or expired so long ago the signature itself lapsed (404).</summary>
    Invalid,
}
