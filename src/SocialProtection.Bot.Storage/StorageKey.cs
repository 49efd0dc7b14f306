using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// Builds and checks object keys. A key is '/'-separated segments of <c>[A-Za-z0-9._-]</c>
/// (no empty segment, no segment ending with '.', so '.' and '..' never appear), at most
/// <see cref="MaxKeyLength"/> characters. The same key means the same object in every store.
/// </summary>
public static class StorageKey
{
    public const int MaxKeyLength = 1024;

    /// <summary>Keeps a segment short enough to be a file name on every local file system, even escaped.</summary>
    public const int MaxSegmentLength = 100;

    // Above this many UTF-8 bytes a base32 segment would pass MaxSegmentLength; such ids are hashed instead.
    private const int MaxEncodedBytes = 60;

    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private static readonly SearchValues<char> SegmentChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    private static readonly SearchValues<char> VerbatimChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Turns any id (a Teams user id like "29:1abc…", a conversation id with ';', '@' and ':', an AAD GUID)
    /// into one key segment. Deterministic and collision-free: ids made only of <c>[a-z0-9-]</c> stay as
    /// they are (readable GUIDs); others become "_b" + lowercase base32 of their UTF-8 bytes, or
    /// "_h" + SHA-256 hex when long. The three forms cannot meet: only the encoded ones contain '_',
    /// and their second character differs.
    /// </summary>
    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value.Length <= MaxSegmentLength && !value.AsSpan().ContainsAnyExcept(VerbatimChars))
        {
            return value;
        }

        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("The id is not valid Unicode text (it has a lone surrogate).", nameof(value), e);
        }

        return bytes.Length <= MaxEncodedBytes
            ? "_b" + ToBase32(bytes)
            : "_h" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Joins segments into a key; every part must be a single valid segment.</summary>
    public static string Combine(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Length == 0)
        {
            throw new ArgumentException("A key needs at least one segment.", nameof(segments));
        }

        foreach (var segment in segments)
        {
            ValidateSegment(segment, nameof(segments));
        }

        var key = string.Join('/', segments);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"The key is longer than {MaxKeyLength} characters.", nameof(segments));
        }

        return key;
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="key"/> is a valid key.</summary>
    public static void Validate(string key, string paramName = "key")
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length == 0 || key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A key has 1 to {MaxKeyLength} characters.", paramName);
        }

        foreach (var segment in key.Split('/'))
        {
            ValidateSegment(segment, paramName);
        }
    }

    internal static bool IsValid(string key)
    {
        try
        {
            Validate(key);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// A listing prefix: empty (everything), or whole segments followed by an optional partial last
    /// segment ("workshops/w1/" or "workshops/w1/ans").
    /// </summary>
    internal static void ValidatePrefix(string prefix, string paramName = "prefix")
    {
        ArgumentNullException.ThrowIfNull(prefix, paramName);
        if (prefix.Length == 0)
        {
            return;
        }

        if (prefix.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A prefix has at most {MaxKeyLength} characters.", paramName);
        }

        var segments = prefix.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            ValidateSegment(segments[i], paramName);
        }

        var last = segments[^1];
        if (last.Length > MaxSegmentLength || last.AsSpan().ContainsAnyExcept(SegmentChars))
        {
            throw new ArgumentException(
                "A prefix may only contain the characters A-Z, a-z, 0-9, '.', '_', '-' and '/' between segments.", paramName);
        }
    }

    private static void ValidateSegment(string? segment, string paramName)
    {
        if (string.IsNullOrEmpty(segment))
        {
            throw new ArgumentException("A key has no empty segments (no leading, trailing or doubled '/').", paramName);
        }

        if (segment.Length > MaxSegmentLength)
        {
            throw new ArgumentException($"A key segment has at most {MaxSegmentLength} characters; use StorageKey.Segment for long ids.", paramName);
        }

        if (segment.AsSpan().ContainsAnyExcept(SegmentChars))
        {
            throw new ArgumentException(
                "A key segment may only contain the characters A-Z, a-z, 0-9, '.', '_' and '-'; encode ids with StorageKey.Segment.", paramName);
        }

        // Also rules out "." and "..": no key can climb out of its folder.
        if (segment[^1] == '.')
        {
            throw new ArgumentException("A key segment must not end with '.'.", paramName);
        }
    }

    private static string ToBase32(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                builder.Append(Base32Alphabet[(buffer >> bits) & 31]);
            }
        }

        if (bits > 0)
        {
            builder.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return builder.ToString();
    }
}
