using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Runs <see cref="RetentionSweep"/> once a day (on <see cref="TimeProvider"/>'s clock), first a minute after start so
/// a starting bot answers turns before it sweeps. A pass that fails (store down) is logged and tried again an hour later.
/// </summary>
internal sealed partial class RetentionService(RetentionSweep sweep, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRunDelay;
        while (true)
        {
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await sweep.RunAsync(stoppingToken);
                delay = Interval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is StorageUnavailableException or StoredDataCorruptException or PreconditionFailedException)
            {
                LogPassFailed(logger, e.GetType().Name);
                delay = RetryDelay;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention pass failed ({Reason}); trying again in an hour")]
    private static partial void LogPassFailed(ILogger logger, string reason);
}
