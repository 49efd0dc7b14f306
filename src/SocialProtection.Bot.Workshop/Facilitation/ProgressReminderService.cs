using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Diagnostics;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Reminders;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Sends the "please finish" reminders a facilitator asked for, one person at a time, through the shared
/// <see cref="TeamsSendPacer"/> (the follow-up reminders' and summaries' pace, so together they stay within Teams'
/// limits). A throttled or failing send is retried a few times; a refusal that will not change (the app was removed
/// for that person) is logged and the next person is served. Only the instance holding the sending lease sends
/// (<see cref="SenderLeadership"/>); batches wait in the store (<see cref="ProgressReminderJobStore"/>), and how far
/// each got is recorded after every send, so a batch cut short is finished by the next holder (at least once).
/// </summary>
internal sealed partial class ProgressReminderService(
    ProgressReminderQueue queue,
    ProgressReminderJobStore jobs,
    SenderLeadership leadership,
    IOptions<ReminderSchedulerOptions> options,
    IProactiveMessenger messenger,
    TeamsSendPacer pacer,
    TimeProvider time,
    ILogger<ProgressReminderService> logger,
    WorkshopMetrics metrics) : BackgroundService
{
    private const int MaxSendAttempts = 4;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.SendWhileLeadingAsync(SendPendingAsync, stoppingToken);

    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            IReadOnlyList<Versioned<PendingProgressReminders>> pending = [];
            try
            {
                pending = await jobs.ListAsync(cancellationToken);
            }
            catch (Exception e) when (e is StorageUnavailableException)
            {
                LogStoreFailed(logger, e.GetType().Name);
            }
            foreach (var job in pending)
            {
                await SendJobAsync(job, cancellationToken);
            }
            await queue.WaitAsync(options.Value.SenderPollInterval, cancellationToken);
        }
    }

    private async Task SendJobAsync(Versioned<PendingProgressReminders> stored, CancellationToken cancellationToken)
    {
        var (job, etag) = (stored.Value, stored.ETag);
        var batch = job.Batch;
        try
        {
            var sent = 0;
            var text = MessageFactory.Text(ProgressReminderText.Default.Paragraphs(ProgressReminderTextKeys.Message, CardText.Escape(batch.WorkshopTitle)));
            for (var next = job.Next; next < batch.Chats.Count; next++)
            {
                var delivered = await SendAsync(batch.Chats[next], text, cancellationToken);
                metrics.Reminder("finish_answers", delivered ? "sent" : "failed");
                sent += delivered ? 1 : 0;
                job = job with { Next = next + 1 };
                etag = await jobs.AdvanceAsync(job, etag, cancellationToken);
            }
            await jobs.RemoveAsync(job.Id, cancellationToken);
            queue.Done(job.Id);
            LogSent(logger, batch.WorkshopId, sent, batch.Chats.Count);
        }
        catch (Exception e) when (e is StorageUnavailableException or PreconditionFailedException)
        {
            // Left stored: the next look goes on from the last recorded send.
            LogStoreFailed(logger, e.GetType().Name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One broken batch must not stop the service (nor the host) for the others, nor come back at every look.
            LogUnexpected(logger, batch.WorkshopId, e.GetType().Name);
            await RemoveQuietlyAsync(job.Id, cancellationToken);
        }
    }

    private async Task RemoveQuietlyAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await jobs.RemoveAsync(id, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            // Tried again at the next look.
            return;
        }
        queue.Done(id);
    }

    private async Task<bool> SendAsync(ConversationReference chat, Activity text, CancellationToken cancellationToken)
    {
        if (chat.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return false;
        }
        for (var attempt = 1; ; attempt++)
        {
            await pacer.AcquireAsync(chat.TenantId ?? chat.Conversation.TenantId, conversationId, cancellationToken);
            try
            {
                await messenger.ContinueConversationAsync(chat with { ActivityId = null }, (turn, token) => turn.SendActivityAsync(text, token), cancellationToken);
                pacer.OnSucceeded();
                return true;
            }
            catch (ConnectorException e) when (IsRetryable(e) && attempt < MaxSendAttempts)
            {
                // A 429 has already paused the pacer for every sender (the connector's throttle observer); others back off here.
                LogRetrying(logger, (int?)e.StatusCode ?? 0, attempt);
                if (e.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    await Task.Delay(FirstRetryDelay * Math.Pow(2, attempt - 1), time, cancellationToken);
                }
            }
            catch (ConnectorException e)
            {
                LogFailed(logger, (int?)e.StatusCode ?? 0, e.ErrorCode ?? "");
                return false;
            }
        }
    }

    private static bool IsRetryable(ConnectorException e) => e.StatusCode is null
        or HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        or >= HttpStatusCode.InternalServerError;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Sent} of {Count} finish-your-answers reminders of workshop {WorkshopId}")]
    private static partial void LogSent(ILogger logger, string workshopId, int sent, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Finish-your-answers reminders of workshop {WorkshopId} stopped on an unexpected {Error}")]
    private static partial void LogUnexpected(ILogger logger, string workshopId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A finish-your-answers reminder was not accepted (status {Status}), attempt {Attempt}; retrying")]
    private static partial void LogRetrying(ILogger logger, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finish-your-answers reminders could not use the store ({Reason}); tried again shortly")]
    private static partial void LogStoreFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A finish-your-answers reminder could not be sent (status {Status}, {Code})")]
    private static partial void LogFailed(ILogger logger, int status, string code);
}
