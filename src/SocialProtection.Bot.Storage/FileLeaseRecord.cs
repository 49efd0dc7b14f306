using System.Globalization;
using System.Text;

namespace SocialProtection.Bot.Storage;

/// <summary>What a <see cref="FileObjectStore"/> lease file holds: who has the lease and until when.</summary>
internal sealed record FileLeaseRecord(string LeaseId, DateTimeOffset ExpiresAt)
{
    public byte[] ToBytes() =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{LeaseId} {ExpiresAt.UtcTicks}\n"));

    public static FileLeaseRecord? Parse(ReadOnlySpan<byte> bytes)
    {
        var parts = Encoding.ASCII.GetString(bytes).TrimEnd('\n').Split(' ');
        return parts.Length == 2
            && Guid.TryParseExact(parts[0], "N", out _)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new FileLeaseRecord(parts[0], new DateTimeOffset(ticks, TimeSpan.Zero))
            : null;
    }
}
