namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// What the sending instance's <see cref="TeamsSendPacer"/> knows of recent sends, stored beside the sending lease so the
/// next holder paces on from it instead of from nothing. Times are UTC ticks of the pacer's clock.
/// <see cref="Final"/>: written by a holder that stopped sending and handed the lease back; otherwise a periodic copy,
/// after which the holder may still have sent for up to one lease length.
/// </summary>
internal sealed record PacerSnapshot
{
    public int SchemaVersion { get; init; } = 1;

    public long SavedAt { get; init; }

    public bool Final { get; init; }

    /// <summary>Per conversation, the recent send times, oldest first.</summary>
    public Dictionary<string, long[]> Conversations { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Per tenant, the earliest tick of its next send.</summary>
    public Dictionary<string, long> TenantNextSlots { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The recent send times over all tenants, oldest first.</summary>
    public long[] AppSends { get; init; } = [];

    /// <summary>Until when every send waits (a 429, or the pause after a takeover).</summary>
    public long ThrottledUntil { get; init; } = long.MinValue;
}
