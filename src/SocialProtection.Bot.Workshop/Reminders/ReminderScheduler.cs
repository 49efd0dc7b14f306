using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Diagnostics;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// The durable reminder scheduler, a hosted service that runs on the instance holding the sending lease
/// (<see cref="SenderLeadership"/>; every instance when it is built without one, as in tests).
/// <para>
/// Reminders wait in the object store under <c>reminders/due/{hour}/</c>, so a restart loses none. Each pass lists the
/// hours that have come, and claims each due reminder with a conditional write (Pending → Sending, with this instance's
/// id and a claim expiry, over the ETag it read): of two instances racing for one reminder, one claim wins and the
/// other is refused. After the send the claimant marks it Sent (conditional again), records the outcome in the
/// partner's follow-up record and removes it from the queue.
/// </para>
/// <para>
/// The boundary between claim and send is <b>at-least-once</b>. The Bot Connector has no idempotency key: a send whose
/// outcome is unknown (the process died after the POST, or the answer timed out) can only be sent again or given up.
/// A lost follow-up defeats its purpose while a second copy of a card is harmless (its buttons act on the same
/// commitment, idempotently), so a claim that expires without an outcome is sent again by whichever instance finds it.
/// The window is kept small: the claim is taken right before the send, renewed while the send waits for the pacer, and
/// on shutdown sends already under way are allowed to finish (<see cref="ReminderSchedulerOptions.DrainTimeout"/>)
/// instead of being cut off.
/// </para>
/// Failed sends are retried with exponential backoff and jitter; 429 answers pause every send (the pacer) for
/// Retry-After; after the last try, or at once for a failure no retry can fix (app uninstalled), the reminder is
/// recorded as Failed with its reason, which the facilitator's view shows. Nothing is sent for a closed workshop,
/// a done commitment or an opted-out partner.
/// </summary>
internal sealed partial class ReminderScheduler : BackgroundService
{
    // A send is given this long after a pacer wait before the claim must still hold.
    private static readonly TimeSpan SendAllowance = TimeSpan.FromSeconds(30);

    private readonly FollowUpStore _store;
    private readonly ReminderPlanner _planner;
    private readonly IReminderDelivery _delivery;
    private readonly TeamsSendPacer _pacer;
    private readonly ReminderScheduleCalculator _calculator;
    private readonly ReminderSchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SenderLeadership? _leadership;
    private readonly WorkshopMetrics? _metrics;

    public ReminderScheduler(
        FollowUpStore store,
        ReminderPlanner planner,
        IReminderDelivery delivery,
        TeamsSendPacer pacer,
        ReminderScheduleCalculator calculator,
        IOptions<ReminderSchedulerOptions> options,
        ILogger<ReminderScheduler> logger,
        SenderLeadership? leadership = null,
        WorkshopMetrics? metrics = null)
    {
        _metrics = metrics;
        _store = store;
        _planner = planner;
        _delivery = delivery;
        _pacer = pacer;
        _calculator = calculator;
        _options = options.Value;
        _time = calculator.Time;
        _logger = logger;
        _leadership = leadership;
        InstanceId = string.IsNullOrWhiteSpace(_options.InstanceId)
            ? Environment.MachineName + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))
            : _options.InstanceId;
    }

    /// <summary>Written into every claim this instance makes.</summary>
    public string InstanceId { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }
        if (_leadership is null)
        {
            await RunAsync(stoppingToken, CancellationToken.None);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            SenderHold hold;
            try
            {
                hold = await _leadership.WaitForTermAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using (hold)
            using (var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, hold.Token))
            {
                await RunAsync(leading.Token, hold.Token);
            }
        }
    }

    /// <summary>
    /// Plans and sends until <paramref name="stoppingToken"/>; sends under way then get the drain time, unless
    /// <paramref name="termEnded"/> (this instance no longer holds the sending lease) cuts them at once.
    /// </summary>
    private async Task RunAsync(CancellationToken stoppingToken, CancellationToken termEnded)
    {
        // Sends under way on shutdown get a grace period instead of being cut off mid-request.
        using var drain = new CancellationTokenSource();
        using var onStop = stoppingToken.Register(() => drain.CancelAfter(_options.DrainTimeout));
        using var onTermEnd = termEnded.Register(drain.Cancel);
        var nextPlanning = DateTimeOffset.MinValue;
        LogStarted(_logger, InstanceId);
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                if (_time.GetUtcNow() >= nextPlanning)
                {
                    await _planner.PlanAllAsync(stoppingToken);
                    nextPlanning = _time.GetUtcNow() + _options.PlanningInterval;
                }

                full = (await ProcessDueAsync(stoppingToken, drain.Token)).Full;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
            {
                LogPassFailed(_logger, e.GetType().Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever went wrong, the scheduler must not stop the bot (a failed hosted service stops the host):
                // the queue is durable, so the next pass picks up where this one failed.
                // By type only: messages of storage errors name keys, and keys hold user ids.
                LogPassCrashed(_logger, e.GetType().Name);
            }

            if (full)
            {
                continue;
            }

            try
            {
                await Task.Delay(_options.PollInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        LogStopped(_logger, InstanceId);
    }

    /// <summary>
    /// One pass: lists the queue up to the current hour and handles every entry that is due, at most
    /// <see cref="ReminderSchedulerOptions.BatchSize"/> claims. <paramref name="stopping"/> stops new claims;
    /// <paramref name="sending"/> cuts sends under way (give it a grace period after <paramref name="stopping"/>).
    /// </summary>
    public async Task<SchedulerPass> ProcessDueAsync(CancellationToken stopping, CancellationToken sending)
    {
        var now = _time.GetUtcNow();
        var lastBucket = ReminderKeys.Bucket(now);
        var keys = new List<string>();
        await foreach (var info in _store.Objects.ListAsync(ReminderKeys.DuePrefix, stopping))
        {
            var bucket = ReminderKeys.BucketOf(info.Key);
            if (bucket is null)
            {
                continue;
            }

            if (string.CompareOrdinal(bucket, lastBucket) > 0 || keys.Count >= _options.MaxScanPerPass)
            {
                break;
            }

            keys.Add(info.Key);
        }

        var counters = new PassCounters();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentSends };
        await Parallel.ForEachAsync(keys, parallel, async (key, _) =>
        {
            if (stopping.IsCancellationRequested || Volatile.Read(ref counters.Claimed) >= _options.BatchSize)
            {
                return;
            }

            try
            {
                await ProcessAsync(key, counters, stopping, sending);
            }
            catch (OperationCanceledException) when (sending.IsCancellationRequested || stopping.IsCancellationRequested)
            {
                // A claim left behind expires and is picked up again (at-least-once).
            }
            catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException)
            {
                LogEntryFailed(_logger, e.GetType().Name);
            }
            catch (StoredDataCorruptException)
            {
                LogEntryCorrupt(_logger);
            }
        });

        return new SchedulerPass(keys.Count, counters.Claimed, counters.Sent, counters.Failed, counters.Cancelled, counters.Retrying)
        {
            Full = counters.Claimed >= _options.BatchSize,
        };
    }

    private async Task ProcessAsync(string key, PassCounters counters, CancellationToken stopping, CancellationToken sending)
    {
        var stored = await _store.ReadAsync<ReminderOccurrence>(key, stopping);
        if (stored is null)
        {
            return;
        }

        var occurrence = stored.Value;
        var now = _time.GetUtcNow();
        if (occurrence.IsFinished)
        {
            // Its claimant stopped between marking it and tidying up: finish the bookkeeping for it.
            await FinishAsync(occurrence, stored.ETag, stopping);
            return;
        }

        if (occurrence.DueAt > now
            || (occurrence.NextAttemptAt is { } next && next > now)
            || (occurrence.Status == OccurrenceStatus.Sending && occurrence.ClaimExpiresAt > now))
        {
            return;
        }

        if (Interlocked.Increment(ref counters.Claimed) > _options.BatchSize)
        {
            Interlocked.Decrement(ref counters.Claimed);
            return;
        }

        if (occurrence.Status == OccurrenceStatus.Sending)
        {
            LogRecoveredClaim(_logger, occurrence.WorkshopId, occurrence.OccurrenceId, occurrence.Attempts);
        }

        if (occurrence.Attempts >= _options.MaxAttempts)
        {
            await EndAsync(occurrence, stored.ETag, OccurrenceStatus.Failed, occurrence.LastError ?? CancelReasons.TooManyAttempts, null, counters, stopping);
            return;
        }

        var claim = occurrence with
        {
            Status = OccurrenceStatus.Sending,
            ClaimedBy = InstanceId,
            ClaimExpiresAt = now + _options.ClaimDuration,
            Attempts = occurrence.Attempts + 1,
        };
        string etag;
        try
        {
            etag = await _store.Json.WriteAsync(key, claim, WriteCondition.IfMatch(stored.ETag), stopping);
        }
        catch (PreconditionFailedException)
        {
            // Another instance claimed it first.
            Interlocked.Decrement(ref counters.Claimed);
            return;
        }

        // Once claimed, the reminder is seen through within the drain time (on shutdown too), rather than left claimed
        // for ClaimDuration before anyone else may take it.
        var plan = await _store.GetPlanAsync(claim.WorkshopId, sending);
        var partner = await _store.GetPartnerAsync(claim.WorkshopId, claim.UserKey, sending);
        switch (ReminderEligibility.Decide(claim, plan, partner, _calculator, _time.GetUtcNow()))
        {
            case SendDecision.Cancel cancel:
                LogCancelled(_logger, claim.WorkshopId, claim.OccurrenceId, cancel.Reason);
                await EndAsync(claim, etag, OccurrenceStatus.Cancelled, cancel.Reason, null, counters, sending);
                return;
            case SendDecision.Postpone postpone:
                // Not an attempt: it simply is not the time yet (e.g. quiet hours began since it was planned).
                await ReleaseAsync(claim with { Attempts = occurrence.Attempts }, etag, postpone.Until, claim.LastError, sending);
                return;
        }

        await SendClaimedAsync(claim, etag, plan!, partner!, counters, sending);
    }

    private async Task SendClaimedAsync(ReminderOccurrence claim, string etag, FollowUpPlan plan, PartnerFollowUp partner, PassCounters counters, CancellationToken sending)
    {
        OutboundMessage message;
        try
        {
            message = await _delivery.ComposeAsync(claim, plan, partner, sending);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailAsync(claim, etag, DeliveryFailure.Of(e), counters, sending);
            return;
        }

        var throttles = 0;
        while (true)
        {
            var wait = _pacer.TryAcquire(message.TenantId, message.ConversationId);
            if (wait > TimeSpan.Zero)
            {
                var now = _time.GetUtcNow();
                if (claim.ClaimExpiresAt < now + wait + SendAllowance)
                {
                    var renewed = claim with { ClaimExpiresAt = now + wait + _options.ClaimDuration };
                    try
                    {
                        etag = await _store.Json.WriteAsync(claim.Key, renewed, WriteCondition.IfMatch(etag), sending);
                        claim = renewed;
                    }
                    catch (PreconditionFailedException)
                    {
                        LogClaimLost(_logger, claim.WorkshopId, claim.OccurrenceId);
                        return;
                    }
                }

                // The pacer's wait passes on the pacer's clock (one clock in production; tests date plans on another).
                await Task.Delay(wait, _pacer.Time, sending);
                continue;
            }

            string? activityId;
            try
            {
                activityId = await _delivery.SendAsync(message, sending);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var failure = DeliveryFailure.Of(e);
                if (failure.Throttled)
                {
                    var pause = _pacer.OnThrottled(failure.RetryAfter);
                    LogThrottled(_logger, claim.WorkshopId, pause.TotalSeconds);
                    if (++throttles <= _options.MaxThrottledRetries)
                    {
                        continue;
                    }

                    // Throttling is not the reminder's fault: hand it back without counting an attempt.
                    Interlocked.Increment(ref counters.Retrying);
                    _metrics?.Reminder(KindTag(claim.Kind), "throttled");
                    await ReleaseAsync(claim with { Attempts = claim.Attempts - 1 }, etag, _pacer.ThrottledUntil ?? _time.GetUtcNow() + pause, CancelReasons.Throttled, sending);
                    return;
                }

                await FailAsync(claim, etag, failure, counters, sending);
                return;
            }

            _pacer.OnSucceeded();
            await EndAsync(claim, etag, OccurrenceStatus.Sent, null, activityId, counters, sending);
            return;
        }
    }

    private async Task FailAsync(ReminderOccurrence claim, string etag, DeliveryFailure failure, PassCounters counters, CancellationToken cancellationToken)
    {
        if (!failure.Retryable || claim.Attempts >= _options.MaxAttempts)
        {
            LogFailed(_logger, claim.WorkshopId, claim.OccurrenceId, failure.Reason, claim.Attempts);
            await EndAsync(claim, etag, OccurrenceStatus.Failed, failure.Reason, null, counters, cancellationToken);
            return;
        }

        Interlocked.Increment(ref counters.Retrying);
        _metrics?.Reminder(KindTag(claim.Kind), "retrying");
        var delay = Backoff(claim.Attempts);
        LogRetrying(_logger, claim.WorkshopId, claim.OccurrenceId, failure.Reason, claim.Attempts, delay.TotalSeconds);
        await ReleaseAsync(claim, etag, _time.GetUtcNow() + delay, failure.Reason, cancellationToken);
    }

    /// <summary>Gives the claim up: the reminder waits in the queue until <paramref name="notBefore"/>.</summary>
    private async Task ReleaseAsync(ReminderOccurrence claim, string etag, DateTimeOffset notBefore, string? reason, CancellationToken cancellationToken)
    {
        var released = claim with
        {
            Status = OccurrenceStatus.Pending,
            ClaimedBy = null,
            ClaimExpiresAt = null,
            NextAttemptAt = notBefore,
            LastError = reason,
        };
        try
        {
            await _store.Json.WriteAsync(claim.Key, released, WriteCondition.IfMatch(etag), cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            LogClaimLost(_logger, claim.WorkshopId, claim.OccurrenceId);
        }
    }

    /// <summary>Marks the reminder's end (conditionally: only the claimant can), then records it and takes it off the queue.</summary>
    private async Task EndAsync(ReminderOccurrence claim, string etag, OccurrenceStatus status, string? reason, string? activityId, PassCounters counters, CancellationToken cancellationToken)
    {
        var ended = claim with
        {
            Status = status,
            LastError = reason ?? claim.LastError,
            ActivityId = activityId,
            FinishedAt = _time.GetUtcNow(),
            ClaimExpiresAt = null,
            NextAttemptAt = null,
        };
        try
        {
            etag = await _store.Json.WriteAsync(claim.Key, ended, WriteCondition.IfMatch(etag), cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            // Our claim expired and someone else took the reminder over; they finish it.
            LogClaimLost(_logger, claim.WorkshopId, claim.OccurrenceId);
            return;
        }

        _ = status switch
        {
            OccurrenceStatus.Sent => Interlocked.Increment(ref counters.Sent),
            OccurrenceStatus.Failed => Interlocked.Increment(ref counters.Failed),
            _ => Interlocked.Increment(ref counters.Cancelled),
        };
        _metrics?.Reminder(KindTag(claim.Kind), status switch
        {
            OccurrenceStatus.Sent => "sent",
            OccurrenceStatus.Failed => "failed",
            _ => "cancelled",
        });
        await FinishAsync(ended, etag, cancellationToken);
    }

    /// <summary>
    /// Records a finished reminder in the partner's record (so no planner queues it again, and the facilitator sees
    /// its fate), then deletes the queue entry. Both steps are idempotent, so anyone may repeat them.
    /// </summary>
    private async Task FinishAsync(ReminderOccurrence ended, string etag, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await _store.UpdatePartnerAsync(ended.WorkshopId, ended.UserKey, partner =>
        {
            if (partner is null || partner.HasFinished(ended.OccurrenceId))
            {
                return UpdateDecision.NoChange<PartnerFollowUp>();
            }

            var next = partner with
            {
                Finished = partner.Finished.Add(new FinishedOccurrence(ended.OccurrenceId, ended.DueAt)),
                UpdatedAt = now,
            };
            if (ended.Kind != ReminderKind.HelpRequest
                && ended.Status is OccurrenceStatus.Sent or OccurrenceStatus.Failed
                && next.Find(ended.CommitmentId) is { } commitment
                && (commitment.LastReminder is null || commitment.LastReminder.At <= (ended.FinishedAt ?? now)))
            {
                next = next.Replace(commitment with
                {
                    LastReminder = new ReminderDelivery(
                        ended.OccurrenceId,
                        ended.FinishedAt ?? now,
                        ended.Status == OccurrenceStatus.Sent ? DeliveryOutcome.Sent : DeliveryOutcome.Failed,
                        ended.Status == OccurrenceStatus.Failed ? ended.LastError : null),
                }) with { Revision = partner.Revision + 1 };
            }

            return UpdateDecision.Write(next);
        }, cancellationToken);

        try
        {
            await _store.Objects.DeleteAsync(ended.Key, etag, cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            // Someone else already tidied it up.
        }
    }

    private static string KindTag(ReminderKind kind) => kind switch
    {
        ReminderKind.HelpRequest => "help_request",
        ReminderKind.Snooze => "snooze",
        _ => "follow_up",
    };

    /// <summary>Exponential backoff with equal jitter: half the doubled delay for sure, the other half at random.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(
            _options.MaxRetryDelay.TotalMilliseconds,
            _options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    private sealed class PassCounters
    {
        public int Claimed;
        public int Sent;
        public int Failed;
        public int Cancelled;
        public int Retrying;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder scheduler {InstanceId} started")]
    private static partial void LogStarted(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder scheduler {InstanceId} stopped")]
    private static partial void LogStopped(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder scheduler pass failed ({Reason}); the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A reminder scheduler pass failed unexpectedly ({Reason}); the next pass tries again")]
    private static partial void LogPassCrashed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A queued reminder could not be handled ({Reason}); the next pass tries again")]
    private static partial void LogEntryFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A queued reminder cannot be read; it is left in place")]
    private static partial void LogEntryCorrupt(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: reminder {OccurrenceId} was claimed (try {Attempts}) but never finished; sending it again (at-least-once)")]
    private static partial void LogRecoveredClaim(ILogger logger, string workshopId, string occurrenceId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: reminder {OccurrenceId} not sent ({Reason})")]
    private static partial void LogCancelled(ILogger logger, string workshopId, string occurrenceId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: reminder {OccurrenceId} failed ({Reason}) after {Attempts} tries; recorded as failed")]
    private static partial void LogFailed(ILogger logger, string workshopId, string occurrenceId, string reason, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: reminder {OccurrenceId} failed ({Reason}, try {Attempts}); retrying in {DelaySeconds:F0} s")]
    private static partial void LogRetrying(ILogger logger, string workshopId, string occurrenceId, string reason, int attempts, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: Teams throttled a reminder; every send pauses {PauseSeconds:F1} s")]
    private static partial void LogThrottled(ILogger logger, string workshopId, double pauseSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: the claim on reminder {OccurrenceId} was taken over by another instance")]
    private static partial void LogClaimLost(ILogger logger, string workshopId, string occurrenceId);
}
