using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>
/// Workshop ids: 10 random characters of lowercase base32 (50 bits), short enough to read aloud and safe as a storage
/// key segment as they are. Ids arriving in card data are checked against the same shape before anything is read.
/// </summary>
internal static partial class WorkshopIds
{
    public const int Length = 10;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsValid(string? id) => id is { Length: Length } && Shape().IsMatch(id);

    [GeneratedRegex("^[a-z2-7]{10}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
