using System.Globalization;
using System.Text;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// The fixed-size first line of every object file: a format tag, the ETag (a fresh GUID per write, so
/// any change, even to the same bytes, gets a new one) and the write time. Keeping them inside the
/// object file means one rename replaces content and version together.
/// </summary>
internal readonly record struct FileObjectHeader(string ETag, DateTimeOffset LastModified)
{
    // "spobj1 " + 32 hex + " " + 19 digits of UTC ticks + "\n"
    public const int Size = 60;

    private const string Tag = "spobj1 ";

    public static FileObjectHeader New(TimeProvider time) => new(Guid.NewGuid().ToString("N"), time.GetUtcNow());

    public byte[] ToBytes()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Tag}{ETag} {LastModified.UtcTicks:D19}\n");
        return Encoding.ASCII.GetBytes(text);
    }

    /// <summary>Reads the header from the first <see cref="Size"/> bytes; null when they are not one.</summary>
    public static FileObjectHeader? Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size || bytes[Size - 1] != (byte)'\n' || bytes[Size - 21] != (byte)' ')
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(bytes[..(Size - 1)]);
        if (!text.StartsWith(Tag, StringComparison.Ordinal))
        {
            return null;
        }

        var etag = text.Substring(Tag.Length, 32);
        if (!Guid.TryParseExact(etag, "N", out _)
            || !long.TryParse(text.AsSpan(Size - 20, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return null;
        }

        return new FileObjectHeader(etag, new DateTimeOffset(ticks, TimeSpan.Zero));
    }
}
