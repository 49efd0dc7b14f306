using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Puts the reminders of the next <see cref="ReminderSchedulerOptions.PlanningHorizon"/> into the durable queue, for
/// every partner of every open workshop. Each partner record remembers how far it was planned
/// (<see cref="PartnerFollowUp.PlannedThrough"/>), moved on with a conditional write only after the reminders were
/// queued, and queue ids are deterministic: any number of planners, restarts included, queue each reminder once.
/// </summary>
internal sealed partial class ReminderPlanner
{
    private const int MaxPartnerAttempts = 8;

    private readonly FollowUpStore _store;
    private readonly ReminderScheduleCalculator _calculator;
    private readonly ParticipantCommitmentSync? _sync;
    private readonly ReminderSchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ReminderPlanner(
        FollowUpStore store,
        ReminderScheduleCalculator calculator,
        IOptions<ReminderSchedulerOptions> options,
        ILogger<ReminderPlanner> logger,
        ParticipantCommitmentSync? sync = null)
    {
        _store = store;
        _calculator = calculator;
        _sync = sync;
        _options = options.Value;
        _time = calculator.Time;
        _logger = logger;
    }

    /// <summary>Plans every open workshop; a workshop that fails is logged and the others still run. Returns reminders queued.</summary>
    public async Task<int> PlanAllAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        var workshops = new List<string>();
        await foreach (var info in _store.ListPlanKeysAsync(cancellationToken))
        {
            if ((await _store.ReadAsync<FollowUpPlan>(info.Key, cancellationToken))?.Value is { IsClosed: false } plan)
            {
                workshops.Add(plan.WorkshopId);
            }
        }

        foreach (var workshopId in workshops)
        {
            try
            {
                queued += await PlanWorkshopAsync(workshopId, cancellationToken);
            }
            catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
            {
                LogWorkshopFailed(_logger, workshopId, e.GetType().Name);
            }
        }

        return queued;
    }

    /// <summary>Takes in participants' new commitments, then queues the next reminders of every partner of the workshop.</summary>
    public async Task<int> PlanWorkshopAsync(string workshopId, CancellationToken cancellationToken)
    {
        var plan = await _store.GetPlanAsync(workshopId, cancellationToken);
        if (plan is null || plan.IsClosed)
        {
            return 0;
        }

        if (_sync is not null)
        {
            await _sync.SyncWorkshopAsync(plan, cancellationToken);
            plan = await _store.GetPlanAsync(workshopId, cancellationToken) ?? plan;
        }

        var queued = 0;
        var keys = new List<string>();
        await foreach (var info in _store.ListPartnerKeysAsync(workshopId, cancellationToken))
        {
            keys.Add(info.Key);
        }

        foreach (var key in keys)
        {
            try
            {
                queued += await PlanPartnerAtAsync(plan, key, cancellationToken);
            }
            catch (StoredDataCorruptException)
            {
                LogPartnerCorrupt(_logger, workshopId);
            }
        }

        if (queued > 0)
        {
            LogQueued(_logger, workshopId, queued, keys.Count);
        }

        return queued;
    }

    private async Task<int> PlanPartnerAtAsync(FollowUpPlan plan, string partnerKey, CancellationToken cancellationToken)
    {
        var queued = 0;
        for (var attempt = 1; attempt <= MaxPartnerAttempts; attempt++)
        {
            var current = await _store.ReadAsync<PartnerFollowUp>(partnerKey, cancellationToken);
            if (current is null)
            {
                return queued;
            }

            var partner = current.Value;
            var now = _time.GetUtcNow().ToUniversalTime();
            var fingerprint = Fingerprint(plan, partner);
            var changed = fingerprint != partner.PlanFingerprint;
            var horizon = now + _options.PlanningHorizon;
            if (!changed && partner.PlannedThrough >= now + (_options.PlanningHorizon / 2))
            {
                return queued;
            }

            // A new partner or a changed plan (or commitment) looks back MaxLateness: a rule whose moment passed before
            // the plan was saved (1 day after yesterday's workshop) still goes out, late, instead of being skipped.
            // Queue ids are deterministic and finished reminders are remembered, so nothing goes out twice.
            var floor = now - _options.MaxLateness;
            var from = changed || partner.PlannedThrough < floor ? floor : partner.PlannedThrough;

            foreach (var planned in ReminderCatchUp.Collapse(_calculator.Plan(plan, partner, from, horizon), now))
            {
                var occurrence = ReminderOccurrence.From(plan.WorkshopId, partner.UserKey, planned, now);
                if (!partner.HasFinished(occurrence.OccurrenceId) && await _store.EnqueueAsync(occurrence, cancellationToken))
                {
                    queued++;
                }
            }

            var retention = now - _options.FinishedRetention;
            var next = partner with
            {
                PlannedThrough = horizon > partner.PlannedThrough ? horizon : partner.PlannedThrough,
                PlanFingerprint = fingerprint,
                Finished = partner.Finished.RemoveAll(f => f.DueAt < retention),
            };
            try
            {
                await _store.WritePartnerAsync(next, current.ETag, cancellationToken);
                return queued;
            }
            catch (PreconditionFailedException)
            {
                // The partner acted (or a reminder finished) meanwhile: plan again over the newer record.
            }
        }

        LogPartnerContended(_logger, plan.WorkshopId);
        return queued;
    }

    /// <summary>What the queued reminders depend on besides time: the plan's version and each commitment's due date and done-ness.</summary>
    public static string Fingerprint(FollowUpPlan plan, PartnerFollowUp partner)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(partner);
        var text = new StringBuilder();
        text.Append(plan.Version.ToString(CultureInfo.InvariantCulture));
        foreach (var commitment in partner.Commitments)
        {
            text.Append('\n').Append(commitment.Id).Append('|')
                .Append(commitment.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('|')
                .Append(commitment.Status == CommitmentStatus.Done ? 'd' : 'o');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 12));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: queued {Queued} reminders for {Partners} partners")]
    private static partial void LogQueued(ILogger logger, string workshopId, int queued, int partners);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: planning failed ({Reason}); it is tried again at the next planning round")]
    private static partial void LogWorkshopFailed(ILogger logger, string workshopId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workshop {WorkshopId}: a partner's follow-up record cannot be read; it is left untouched")]
    private static partial void LogPartnerCorrupt(ILogger logger, string workshopId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: a partner's record kept changing while planning; it is planned again next round")]
    private static partial void LogPartnerContended(ILogger logger, string workshopId);
}
