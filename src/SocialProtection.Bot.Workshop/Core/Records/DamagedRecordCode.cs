using System.Security.Cryptography;
using System.Text;

namespace SocialProtection.Bot.Workshop.Core.Records;

/// <summary>
/// The short code by which a stored record that cannot be read is named to its owner, to facilitators and in the log
/// (issue 15 item 6): 12 hex digits of the SHA-256 of its storage key, so nobody learns whose it is from the code, and
/// the participant, the facilitator's list and the log all show the same one.
/// </summary>
internal static class DamagedRecordCode
{
    public const int Length = 12;

    public static string Of(string storageKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(storageKey);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(storageKey)))[..Length];
    }

    /// <summary>Whether <paramref name="text"/> has the shape of a code (what a facilitator typed).</summary>
    public static bool IsCode(string? text) =>
        text is { Length: Length } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
