namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>A sender's hold on a <see cref="SenderTerm"/>: send only while <see cref="Token"/> is not cancelled; dispose when done.</summary>
internal sealed class SenderHold(SenderTerm term) : IDisposable
{
    private int _disposed;

    public CancellationToken Token { get; } = term.Token;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            term.Release();
        }
    }
}
