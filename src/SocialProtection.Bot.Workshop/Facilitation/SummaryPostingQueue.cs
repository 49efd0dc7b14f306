using System.Threading.Channels;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Hands stored postings to the <see cref="SummaryPostingService"/>, which posts them one at a time. Only ids travel
/// here: the posting is stored before it is queued, so nothing is lost if the process stops.
/// </summary>
internal sealed class SummaryPostingQueue
{
    private readonly Channel<PendingPosting> _channel = Channel.CreateUnbounded<PendingPosting>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(PendingPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        // Unbounded: a write only fails once the channel is completed, which this queue never is.
        _channel.Writer.TryWrite(posting);
    }

    public IAsyncEnumerable<PendingPosting> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
