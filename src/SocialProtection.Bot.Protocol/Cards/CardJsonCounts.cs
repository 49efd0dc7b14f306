namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>
/// Counts, within one async flow, how many times card data was read and cards were serialised, so a test can hold a
/// press to "read its data once, serialise each card once". Nothing is counted outside a <see cref="Begin"/> scope.
/// </summary>
internal sealed class CardJsonCounts
{
    private static readonly AsyncLocal<CardJsonCounts?> Current = new();

    private int _dataReads;
    private int _cardsSerialised;

    public int DataReads => Volatile.Read(ref _dataReads);

    public int CardsSerialised => Volatile.Read(ref _cardsSerialised);

    /// <summary>Counts from here on in this async flow until the scope is disposed.</summary>
    public static Scope Begin()
    {
        var counts = new CardJsonCounts();
        var previous = Current.Value;
        Current.Value = counts;
        return new Scope(counts, previous);
    }

    internal static void CountDataRead()
    {
        if (Current.Value is { } counts)
        {
            Interlocked.Increment(ref counts._dataReads);
        }
    }

    internal static void CountCardSerialised()
    {
        if (Current.Value is { } counts)
        {
            Interlocked.Increment(ref counts._cardsSerialised);
        }
    }

    internal sealed class Scope(CardJsonCounts counts, CardJsonCounts? previous) : IDisposable
    {
        public CardJsonCounts Counts { get; } = counts;

        public void Dispose() => Current.Value = previous;
    }
}
