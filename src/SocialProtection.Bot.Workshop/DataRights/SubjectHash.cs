using System.Security.Cryptography;
using System.Text;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// The only form a user key may take in a data-rights log line: a short SHA-256 prefix, enough to match two lines
/// about the same request, never the id itself.
/// </summary>
internal static class SubjectHash
{
    public static string Of(string userKey)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userKey)))[..12];
    }
}
