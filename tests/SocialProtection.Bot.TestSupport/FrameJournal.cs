using System.Text;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// Frames received from a WebSocket stream, in order, and the waits on them. A wait returns the earliest frame
/// that matches and that no earlier wait returned, so waiting twice with the same predicate gives two frames.
/// </summary>
internal sealed class FrameJournal<T>
    where T : class
{
    private readonly object _gate = new();
    private readonly List<T> _frames = [];
    private readonly List<bool> _taken = [];
    private readonly string _streamName;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _closedBecause;

    public FrameJournal(string streamName)
    {
        _streamName = streamName;
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return _frames.ToArray();
        }
    }

    public void Add(T frame)
    {
        lock (_gate)
        {
            _frames.Add(frame);
            _taken.Add(false);
            SignalLocked();
        }
    }

    public void Close(string reason)
    {
        lock (_gate)
        {
            _closedBecause ??= reason;
            SignalLocked();
        }
    }

    public async Task<T> TakeAsync(Func<T, bool> match, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (var i = 0; i < _frames.Count; i++)
                {
                    if (!_taken[i] && match(_frames[i]))
                    {
                        _taken[i] = true;
                        return _frames[i];
                    }
                }

                if (_closedBecause is not null)
                {
                    throw new InvalidOperationException(
                        $"The Playground's {_streamName} stream closed ({_closedBecause}) before {what} arrived.\n{DescribeLocked()}");
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(timeoutSource.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                string seen;
                lock (_gate)
                {
                    seen = DescribeLocked();
                }

                throw new TimeoutException($"No {what} within {timeout.TotalSeconds:0.#} s.\n{seen}");
            }
        }
    }

    /// <summary>Waits <paramref name="period"/> and fails if a frame that matches (and was not taken) arrives meanwhile or had arrived.</summary>
    public async Task ExpectNoneAsync(Func<T, bool> match, TimeSpan period, string what, CancellationToken cancellationToken)
    {
        T? unexpected = null;
        try
        {
            unexpected = await TakeAsync(match, period, what, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing came: as expected.
        }

        if (unexpected is not null)
        {
            throw new InvalidOperationException($"Expected no {what}, but got: {unexpected}");
        }
    }

    private void SignalLocked()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    private string DescribeLocked()
    {
        if (_frames.Count == 0)
        {
            return $"The {_streamName} stream received nothing.";
        }

        var text = new StringBuilder($"The {_streamName} stream received {_frames.Count} frame(s):");
        for (var i = 0; i < _frames.Count; i++)
        {
            text.Append("\n  ").Append(_taken[i] ? "(taken) " : "").Append(_frames[i]);
        }

        return text.ToString();
    }
}
