using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Deletes the raw answers (participant records) of every workshop closed more than
/// <see cref="RetentionOptions.RetentionDays"/> ago. Open workshops, and workshops closed more recently, are never
/// touched; what was aggregated from the answers (stored summaries, ballots, follow-ups) stays. One instance at a time:
/// the pass holds the store lease <see cref="LeaseKey"/> and stops if it loses it.
/// </summary>
internal sealed partial class RetentionSweep(
    IObjectStore store,
    WorkshopDirectory workshops,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionSweep> logger)
{
    public const string LeaseKey = "locks/retention";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    public async Task<RetentionPass> RunAsync(CancellationToken cancellationToken)
    {
        await using var lease = await store.TryAcquireLeaseAsync(LeaseKey, LeaseDuration, cancellationToken);
        if (lease is null)
        {
            LogLeaseHeld(logger);
            return RetentionPass.Skipped;
        }
        var renewedAt = time.GetTimestamp();
        async Task<bool> KeepLeaseAsync()
        {
            if (time.GetElapsedTime(renewedAt) < RenewEvery)
            {
                return true;
            }
            renewedAt = time.GetTimestamp();
            return await lease.RenewAsync(cancellationToken);
        }

        var cutoff = time.GetUtcNow() - options.Value.RetentionPeriod;
        var due = new List<string>();
        await foreach (var workshop in workshops.ListAsync(cancellationToken))
        {
            if (workshop.ClosedAt is { } closedAt && closedAt <= cutoff)
            {
                due.Add(workshop.Workshop.Id);
            }
        }

        var swept = 0;
        var deleted = 0;
        foreach (var workshopId in due)
        {
            var keys = new List<string>();
            await foreach (var info in store.ListAsync(WorkshopKeys.ParticipantsPrefix(workshopId), cancellationToken))
            {
                keys.Add(info.Key);
            }
            var deletedHere = 0;
            foreach (var key in keys)
            {
                if (!await KeepLeaseAsync())
                {
                    LogLeaseLost(logger, deleted + deletedHere);
                    return new RetentionPass(true, swept, deleted + deletedHere);
                }
                deletedHere += await store.DeleteAsync(key, ifMatch: null, cancellationToken) ? 1 : 0;
            }
            if (deletedHere > 0)
            {
                swept++;
                deleted += deletedHere;
                LogSwept(logger, workshopId, deletedHere, options.Value.RetentionDays);
            }
        }
        return new RetentionPass(true, swept, deleted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: workshop {WorkshopId} was closed over {Days} days ago; deleted {Count} participant records")]
    private static partial void LogSwept(ILogger logger, string workshopId, int count, int days);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention: another instance holds the lease; this one skips the pass")]
    private static partial void LogLeaseHeld(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: lost the lease after deleting {Count} records; the next pass finishes the work")]
    private static partial void LogLeaseLost(ILogger logger, int count);
}
