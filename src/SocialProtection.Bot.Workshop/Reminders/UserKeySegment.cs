using System.Text;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Reads a user key back from the file name a store key gave it (<see cref="Storage.StorageKey.Segment"/>): ids
/// kept verbatim (Entra object ids) and base32-encoded ids come back; hashed (very long) ids cannot.
/// </summary>
internal static class UserKeySegment
{
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The user key of <c>…/{segment}.json</c>, or null when it cannot be recovered.</summary>
    public static string? FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = key[(key.LastIndexOf('/') + 1)..];
        if (!name.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var segment = name[..^".json".Length];
        if (segment.StartsWith("_h", StringComparison.Ordinal) || segment.Length == 0)
        {
            return null;
        }

        return segment.StartsWith("_b", StringComparison.Ordinal) ? DecodeBase32(segment.AsSpan(2)) : segment;
    }

    private static string? DecodeBase32(ReadOnlySpan<char> text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xFF));
            }
        }

        try
        {
            return StrictUtf8.GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
