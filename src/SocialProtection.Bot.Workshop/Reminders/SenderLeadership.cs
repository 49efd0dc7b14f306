using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Diagnostics;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Makes one instance of the bot, however many run, the only proactive sender, so Teams' per-conversation,
/// per-tenant and per-app limits hold without dividing them by hand. The instance holding the store lease
/// <see cref="LeaseKey"/> runs the reminder scheduler, the summary poster and the remind-unfinished sender
/// (<see cref="WaitForTermAsync"/>); the others only answer turns, and what they decide to send waits in the store
/// for the holder. The lease is renewed every third of <see cref="ReminderSchedulerOptions.SenderLeaseDuration"/>;
/// a holder that cannot renew stops sending before the lease can run out at the store. On shutdown the holder lets
/// its senders finish, then hands the lease back, and another instance takes it within
/// <see cref="ReminderSchedulerOptions.SenderLeaseRetryInterval"/>; one that dies is replaced once its lease runs out.
/// <para>
/// The pacer's knowledge moves with the lease (<see cref="PacingKey"/>, a <see cref="PacerSnapshot"/>): saved when the term
/// starts, at each renewal, and a last time on hand-over, so the next holder's windows count the previous holder's
/// sends. After a holder died (its last snapshot is not final) the next one waits out every window under an hour
/// past the latest moment the dead one could still have sent.
/// </para>
/// </summary>
internal sealed partial class SenderLeadership : BackgroundService
{
    public const string LeaseKey = "locks/senders";
    public const string PacingKey = "locks/senders-pacing.json";

    // A holder stops sending this long before its lease could run out at the store: request latency and clock rates.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    private readonly IObjectStore _store;
    private readonly JsonObjectStore _json;
    private readonly TeamsSendPacer _pacer;
    private readonly ReminderSchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _sync = new();
    private TaskCompletionSource<SenderTerm> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SenderTerm? _current;
    private int _terms;

    public SenderLeadership(
        IObjectStore store, TeamsSendPacer pacer, IOptions<ReminderSchedulerOptions> options, ILogger<SenderLeadership> logger, WorkshopMetrics? metrics = null)
    {
        metrics?.ObserveHolder(() => IsHolder);
        _store = store;
        _json = new JsonObjectStore(store, StoredJson.StoreOptions());
        _pacer = pacer;
        _options = options.Value;
        // The terms guard the pacer's windows, so they are kept on the pacer's clock.
        _time = pacer.Time;
        _logger = logger;
        InstanceId = string.IsNullOrWhiteSpace(_options.InstanceId)
            ? Environment.MachineName + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))
            : _options.InstanceId;
    }

    public string InstanceId { get; }

    /// <summary>True while this instance holds the sending lease.</summary>
    public bool IsHolder
    {
        get
        {
            lock (_sync)
            {
                return _current is { IsActive: true };
            }
        }
    }

    /// <summary>How many times this instance took the sending lease (for tests and logs).</summary>
    public int Terms => Volatile.Read(ref _terms);

    /// <summary>
    /// Runs <paramref name="send"/> during each of this instance's terms, until <paramref name="stoppingToken"/> fires:
    /// its token is cancelled when the term ends (stopping, or the lease moved on), and what it has not sent stays
    /// stored for the next holder. The loop every proactive sender needs, in one place.
    /// </summary>
    public async Task SendWhileLeadingAsync(Func<CancellationToken, Task> send, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            SenderHold hold;
            try
            {
                hold = await WaitForTermAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using (hold)
            using (var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, hold.Token))
            {
                try
                {
                    await send(leading.Token);
                }
                catch (OperationCanceledException) when (leading.IsCancellationRequested)
                {
                    // The term ended; the next one (here or on another instance) picks up what is stored.
                }
            }
        }
    }

    /// <summary>
    /// Waits until this instance holds the sending lease and returns a hold on the term: send only while its token
    /// is not cancelled, and dispose it when done (the lease is handed back only after every hold is released).
    /// </summary>
    public async Task<SenderHold> WaitForTermAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<SenderTerm> next;
            lock (_sync)
            {
                if (_current?.TryHold() is { } hold)
                {
                    return hold;
                }
                next = _next.Task;
            }
            var term = await next.WaitAsync(cancellationToken);
            if (term.TryHold() is { } taken)
            {
                return taken;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var duration = _options.SenderLeaseDuration;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var asked = _time.GetTimestamp();
                if (await _store.TryAcquireLeaseAsync(LeaseKey, duration, stoppingToken) is { } lease)
                {
                    await LeadAsync(lease, asked, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never stop the host: without the lease this instance still answers turns; it tries again below.
                LogLeaseFailed(_logger, e.GetType().Name);
            }

            try
            {
                await Task.Delay(_options.SenderLeaseRetryInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task LeadAsync(IStoreLease lease, long asked, CancellationToken stoppingToken)
    {
        var duration = _options.SenderLeaseDuration;
        SenderTerm? term = null;
        var lost = false;
        try
        {
            // Before the first send: take over what the last holder knew, and leave a copy saying that this instance
            // may be sending now (a holder that dies leaves no final copy, and the next one then waits it out).
            var pause = _pacer.Restore(await ReadSnapshotAsync(stoppingToken), duration);
            await SaveSnapshotAsync(final: false, stoppingToken);
            term = new SenderTerm(duration - Margin - _time.GetElapsedTime(asked), _time);
            lock (_sync)
            {
                _current = term;
                _next.TrySetResult(term);
            }
            // A term that runs out on its own (e.g. while a renewal hangs) is retired at once, so senders asking for a
            // term wait for the next one instead of finding this ended one again and again until the hand-back.
            using var retire = term.Token.Register(() => Retire(term));
            Interlocked.Increment(ref _terms);
            LogLeading(_logger, InstanceId, pause?.ToString("O") ?? "-");

            var renewEvery = duration / 3;
            while (true)
            {
                using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term.Token))
                {
                    try
                    {
                        await Task.Delay(renewEvery, _time, waiting.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                var started = _time.GetTimestamp();
                try
                {
                    // The copy first, every time: the next holder reckons this one may send until the copy's time plus
                    // a lease length, so a renewal must never let it send past that.
                    await SaveSnapshotAsync(final: false, stoppingToken);
                    if (await lease.RenewAsync(stoppingToken))
                    {
                        term.Extend(duration - Margin - _time.GetElapsedTime(started));
                        continue;
                    }
                    lost = true;
                    LogLost(_logger, InstanceId);
                    break;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Not renewed: the term runs out on its own unless a later renewal succeeds in time.
                    LogRenewFailed(_logger, e.GetType().Name);
                }
            }
        }
        finally
        {
            await HandBackAsync(lease, term, lost, stoppingToken.IsCancellationRequested);
        }
    }

    /// <summary>Ends the term, waits for the senders to let go, leaves the final snapshot when the term still held and they did, and releases the lease.</summary>
    private async Task HandBackAsync(IStoreLease lease, SenderTerm? term, bool lost, bool stopping)
    {
        // Only a holder whose term still held may say "nothing unrecorded follows": a lost lease may already be someone else's.
        var heldToTheEnd = term is { IsActive: true } && !lost;
        if (term is not null)
        {
            Retire(term);
            try
            {
                await term.EndAsync().WaitAsync(_options.DrainTimeout + TimeSpan.FromSeconds(5), _time);
            }
            catch (TimeoutException)
            {
                LogSendersLate(_logger);
                // A sender still holding may still send: the next holder must wait it out, as after a crash.
                heldToTheEnd = false;
            }
            // A drain that outlasted the last renewal may end after the lease moved on: then its copy must not say "final".
            heldToTheEnd &= !term.HasRunOut;
            term.Dispose();
        }

        try
        {
            if (heldToTheEnd)
            {
                await SaveSnapshotAsync(final: true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next holder then waits out the windows, as after a crash.
            LogRenewFailed(_logger, e.GetType().Name);
        }

        try
        {
            await lease.DisposeAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Releasing is a courtesy; the lease runs out on its own.
            LogRenewFailed(_logger, e.GetType().Name);
        }
        if (stopping)
        {
            LogHandedBack(_logger, InstanceId);
        }
    }

    /// <summary>No more holds on <paramref name="term"/>; a wait for a term from now on waits for the next one.</summary>
    private void Retire(SenderTerm term)
    {
        lock (_sync)
        {
            if (ReferenceEquals(_current, term))
            {
                _current = null;
                _next = new TaskCompletionSource<SenderTerm>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private Task<string> SaveSnapshotAsync(bool final, CancellationToken cancellationToken) =>
        _json.WriteAsync(PacingKey, _pacer.Capture(final), WriteCondition.None, cancellationToken);

    private async Task<PacerSnapshot?> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await _json.ReadAsync<PacerSnapshot>(PacingKey, cancellationToken))?.Value;
        }
        catch (StoredDataCorruptException)
        {
            // Unreadable: as good as a holder that died right now.
            return new PacerSnapshot { SavedAt = _time.GetUtcNow().UtcTicks };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} holds the sending lease and sends proactively (paused until {PausedUntil})")]
    private static partial void LogLeading(ILogger logger, string instanceId, string pausedUntil);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} handed the sending lease back")]
    private static partial void LogHandedBack(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} lost the sending lease; it stopped sending")]
    private static partial void LogLost(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sending lease could not be taken ({Reason}); trying again")]
    private static partial void LogLeaseFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sending lease or its pacing copy could not be saved ({Reason})")]
    private static partial void LogRenewFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Senders did not let go of the sending lease in time; it is handed back all the same")]
    private static partial void LogSendersLate(ILogger logger);
}
