using System.Threading.Channels;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>The background posters' wake-up: a channel item, or the poll interval, whichever comes first.</summary>
internal static class WakeUps
{
    /// <summary>Waits for an item in <paramref name="reader"/> (and takes it) or for <paramref name="timeout"/>.</summary>
    public static async Task WaitForWakeUpAsync<T>(this ChannelReader<T> reader, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        try
        {
            await reader.WaitToReadAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return;
        }
        reader.TryRead(out _);
    }
}
