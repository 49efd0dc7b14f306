using System.Diagnostics;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// Mutual exclusion per key for <see cref="FileObjectStore"/>'s compare-and-swap, across tasks and across
/// processes sharing the folder. Keys hash onto a fixed set of lock files (no file per key to clean up);
/// a lock is one of those files opened with <see cref="FileShare.None"/> (an OS lock the kernel drops if the
/// process dies). A semaphore per stripe queues this instance's own tasks so they do not spin on the file.
/// </summary>
internal sealed class FileKeyLocks
{
    private const int StripeCount = 256;

    private readonly string _directory;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim[] _gates;

    public FileKeyLocks(string directory, TimeSpan timeout)
    {
        _directory = directory;
        _timeout = timeout;
        _gates = Enumerable.Range(0, StripeCount).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    }

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = StripeOf(key);
        var gate = _gates[stripe];
        var started = Stopwatch.GetTimestamp();
        if (!await gate.WaitAsync(_timeout, cancellationToken))
        {
            throw Busy();
        }

        try
        {
            var path = Path.Combine(_directory, $"{stripe:x2}.lock");
            var delay = TimeSpan.FromMilliseconds(1);
            while (true)
            {
                try
                {
                    var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
                    return new Held(gate, file);
                }
                catch (IOException) when (Stopwatch.GetElapsedTime(started) < _timeout)
                {
                    // Another process holds the stripe: it only does so for one small write, so poll briefly.
                    await Task.Delay(delay, cancellationToken);
                    delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 20));
                }
                catch (IOException e)
                {
                    throw Busy(e);
                }
            }
        }
        catch
        {
            gate.Release();
            throw;
        }

        StorageUnavailableException Busy(Exception? inner = null) =>
            new($"The local store stayed locked for {_timeout.TotalSeconds:0.#} s.", inner);
    }

    /// <summary>FNV-1a: the same stripe for the same key in every process (string.GetHashCode is per-process).</summary>
    private static int StripeOf(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % StripeCount);
    }

    private sealed class Held(SemaphoreSlim gate, FileStream file) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                file.Dispose();
                gate.Release();
            }
        }
    }
}
