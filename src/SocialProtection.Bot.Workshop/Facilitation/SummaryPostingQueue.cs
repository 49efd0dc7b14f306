using System.Threading.Channels;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Wakes the <see cref="SummaryPostingService"/> when this instance stored a posting, so the instance holding the
/// sending lease starts on it at once. Only a signal travels here: the posting and its pending marker are stored
/// before, and the service lists the markers from the store, which is how postings stored by other instances are
/// found too (at its poll interval). Bounded: on an instance that is not sending, signals simply fall away.
/// </summary>
internal sealed class SummaryPostingQueue
{
    private readonly Channel<PendingPosting> _channel = Channel.CreateBounded<PendingPosting>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(PendingPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        // A full channel already holds a wake-up: this one adds nothing.
        _channel.Writer.TryWrite(posting);
    }

    /// <summary>Waits for a wake-up or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _channel.Reader.WaitForWakeUpAsync(timeout, cancellationToken);
}
