using System.Security.Cryptography;
using System.Text;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>
/// A workshop's secret for pseudonyms: it orders participants ("ผู้เข้าร่วม 1, 2, …") and names vote candidates with
/// an HMAC of their ids, so the numbering is stable for the same data but cannot be recomputed (and so linked back
/// to a person) by anyone who only knows the participants' Teams ids. Made once when the workshop is created and
/// stored with it.
/// </summary>
internal sealed class AnonymityKey
{
    public const int MinimumBytes = 16;
    private const int GeneratedBytes = 32;

    private readonly byte[] _key;

    private AnonymityKey(byte[] key) => _key = key;

    /// <summary>A new random key.</summary>
    public static AnonymityKey Create() => new(RandomNumberGenerator.GetBytes(GeneratedBytes));

    public static AnonymityKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumBytes)
        {
            throw new ArgumentException($"An anonymity key has at least {MinimumBytes} bytes.", nameof(key));
        }
        return new(key.ToArray());
    }

    /// <summary>The key as stored (base64).</summary>
    public static AnonymityKey FromBase64(string base64)
    {
        ArgumentException.ThrowIfNullOrEmpty(base64);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The anonymity key is not valid base64.", nameof(base64), e);
        }
        return FromBytes(bytes);
    }

    public string ToBase64() => Convert.ToBase64String(_key);

    /// <summary>The keyed hash of <paramref name="purpose"/> and <paramref name="id"/>, as lowercase hex.</summary>
    public string Hash(string purpose, string id)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(id);
        var input = Encoding.UTF8.GetBytes(purpose + "\n" + id);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, input));
    }
}
