using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Posts queued summaries in the background, one posting at a time, so a facilitator's command is answered at once
/// and long summaries never hold a turn past Teams' timeout. At start it resumes every posting left unfinished.
/// </summary>
internal sealed partial class SummaryPostingService(
    SummaryPostingQueue queue,
    SummaryPostingStore postings,
    SummaryPostingWorker worker,
    ILogger<SummaryPostingService> logger) : BackgroundService
{
    private const int MaxStoreAttempts = 5;
    private static readonly TimeSpan StoreRetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var pending in await postings.ListPendingAsync(stoppingToken))
            {
                queue.Enqueue(pending);
            }
        }
        catch (Exception e) when (e is StorageUnavailableException or StoredDataCorruptException)
        {
            // Unfinished postings stay marked and are picked up at the next start.
            LogResumeFailed(logger, e.GetType().Name);
        }

        await foreach (var pending in queue.ReadAllAsync(stoppingToken))
        {
            await ProcessAsync(pending, stoppingToken);
        }
    }

    private async Task ProcessAsync(PendingPosting pending, CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= MaxStoreAttempts; attempt++)
        {
            try
            {
                await worker.ProcessAsync(pending, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException)
            {
                LogStoreFailed(logger, pending.WorkshopId, e.GetType().Name, attempt);
                await Task.Delay(StoreRetryDelay, stoppingToken);
            }
            catch (Exception e)
            {
                // One broken posting (e.g. a damaged summary) must not stop the others, nor be retried at every start.
                LogUnexpected(logger, pending.WorkshopId, e.GetType().Name);
                await AbandonAsync(pending, stoppingToken);
                return;
            }
        }
    }

    private async Task AbandonAsync(PendingPosting pending, CancellationToken stoppingToken)
    {
        try
        {
            await worker.AbandonAsync(pending, stoppingToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            // Still marked: it is tried once more at the next start.
            LogStoreFailed(logger, pending.WorkshopId, e.GetType().Name, MaxStoreAttempts);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not list unfinished summary postings ({Reason}); they resume at the next start")]
    private static partial void LogResumeFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Summary posting of workshop {WorkshopId} could not use the store ({Reason}), attempt {Attempt}")]
    private static partial void LogStoreFailed(ILogger logger, string workshopId, string reason, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Summary posting of workshop {WorkshopId} stopped on an unexpected {Error}; it was given up")]
    private static partial void LogUnexpected(ILogger logger, string workshopId, string error);
}
