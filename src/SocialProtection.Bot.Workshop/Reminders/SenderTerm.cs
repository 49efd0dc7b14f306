namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// One stretch of time in which this instance holds the sending lease. Its token is cancelled when the stretch ends:
/// the lease was lost or handed back, or it was not renewed in time (the token then runs out on its own, before the
/// lease can run out at the store). Senders hold the term while they work; the lease is handed back only once every
/// hold was released, so no send of this instance overlaps the next holder's.
/// </summary>
internal sealed class SenderTerm : IDisposable
{
    private readonly CancellationTokenSource _end;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _sync = new();
    private int _holds;
    private bool _ended;
    private DateTimeOffset _validUntil;

    public SenderTerm(TimeSpan validFor, TimeProvider time)
    {
        _time = time;
        validFor = validFor > TimeSpan.Zero ? validFor : TimeSpan.Zero;
        _validUntil = time.GetUtcNow() + validFor;
        _end = new CancellationTokenSource(validFor, time);
    }

    public CancellationToken Token => _end.Token;

    /// <summary>True while the term lasts (not ended, not run out).</summary>
    public bool IsActive => !_end.IsCancellationRequested;

    /// <summary>
    /// True once the time the last renewal bought is over, ended or not: from then on the lease may be someone
    /// else's at the store (the term runs out before the lease does).
    /// </summary>
    public bool HasRunOut
    {
        get
        {
            lock (_sync)
            {
                return _time.GetUtcNow() >= _validUntil;
            }
        }
    }

    /// <summary>A renewal succeeded: the term now runs out <paramref name="validFor"/> from now unless renewed again.</summary>
    public void Extend(TimeSpan validFor)
    {
        lock (_sync)
        {
            if (!_ended && !_end.IsCancellationRequested)
            {
                validFor = validFor > TimeSpan.Zero ? validFor : TimeSpan.Zero;
                _validUntil = _time.GetUtcNow() + validFor;
                _end.CancelAfter(validFor);
            }
        }
    }

    /// <summary>A hold on the term, or null when it already ended.</summary>
    public SenderHold? TryHold()
    {
        lock (_sync)
        {
            if (_ended || _end.IsCancellationRequested)
            {
                return null;
            }
            _holds++;
            return new SenderHold(this);
        }
    }

    /// <summary>Ends the term (cancelling its token) and completes once every hold was released.</summary>
    public Task EndAsync()
    {
        lock (_sync)
        {
            _ended = true;
            if (_holds == 0)
            {
                _released.TrySetResult();
            }
        }
        _end.Cancel();
        return _released.Task;
    }

    internal void Release()
    {
        lock (_sync)
        {
            if (--_holds == 0 && _ended)
            {
                _released.TrySetResult();
            }
        }
    }

    public void Dispose() => _end.Dispose();
}
