using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Reminders;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Posts stored summaries in the background, one posting at a time, so a facilitator's command is answered at once
/// and long summaries never hold a turn past Teams' timeout. Only the instance holding the sending lease posts
/// (<see cref="SenderLeadership"/>): it lists the pending markers in the store when it takes the lease, when this
/// instance stored a posting (<see cref="SummaryPostingQueue"/>), and every
/// <see cref="ReminderSchedulerOptions.SenderPollInterval"/> for postings stored by the other instances; a posting
/// left unfinished by a stopped holder is resumed from where it got.
/// </summary>
internal sealed partial class SummaryPostingService(
    SummaryPostingQueue queue,
    SummaryPostingStore postings,
    SummaryPostingWorker worker,
    SenderLeadership leadership,
    IOptions<ReminderSchedulerOptions> options,
    ILogger<SummaryPostingService> logger) : BackgroundService
{
    private const int MaxStoreAttempts = 5;
    private static readonly TimeSpan StoreRetryDelay = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.SendWhileLeadingAsync(PostPendingAsync, stoppingToken);

    private async Task PostPendingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            IReadOnlyList<PendingPosting> pending = [];
            try
            {
                pending = await postings.ListPendingAsync(cancellationToken);
            }
            catch (Exception e) when (e is StorageUnavailableException or StoredDataCorruptException)
            {
                // Unfinished postings stay marked and are picked up at the next look.
                LogResumeFailed(logger, e.GetType().Name);
            }
            foreach (var posting in pending)
            {
                await ProcessAsync(posting, cancellationToken);
            }
            await queue.WaitAsync(options.Value.SenderPollInterval, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not list unfinished summary postings ({Reason}); they are looked for again shortly")]
    private static partial void LogResumeFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Summary posting of workshop {WorkshopId} could not use the store ({Reason}), attempt {Attempt}")]
    private static partial void LogStoreFailed(ILogger logger, string workshopId, string reason, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Summary posting of workshop {WorkshopId} stopped on an unexpected {Error}; it was given up")]
    private static partial void LogUnexpected(ILogger logger, string workshopId, string error);
}
