using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Storage;

namespace SocialProtection.Bot.Workshop.Core.Users;

/// <summary>
/// Folds the per-user documents from before <see cref="UserProfile"/> into the profiles, at every start: one listing
/// of <c>users/</c>, then, per person who still has any, one profile update and the old documents deleted. The start
/// waits for it when storage answers (nothing to do costs the listing), so turns read one document from then on; when
/// storage is down it goes on in the background, and until it is done a missing profile is read from the old documents.
/// Every start repeats it, so documents an instance still on the old version wrote during a deployment are folded in
/// at the next start.
/// </summary>
internal sealed partial class UserProfileMigration(
    IObjectStore store,
    UserProfileStore profiles,
    TimeProvider time,
    ILogger<UserProfileMigration> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();
    private Task _background = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FoldAllAsync(cancellationToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException)
        {
            LogRetrying(logger, e.GetType().Name);
            _background = RetryUntilDoneAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_background.IsCompleted)
        {
            return;
        }
        try
        {
            await _stopping.CancelAsync();
            await _background.WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping (or stopped by disposal already): the next start folds what is left.
        }
    }

    /// <summary>Ends the background retries too when the container goes before the host stopped it.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    /// <summary>One pass over every user's documents; marks the store folded when nothing is left to fold.</summary>
    internal async Task FoldAllAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var users = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var info in store.ListAsync(UserProfileStore.UsersPrefix, cancellationToken))
        {
            if (LegacyUserDocuments.IsLegacy(info.Key))
            {
                users.Add(LegacyUserDocuments.UserPrefixOf(info.Key)!);
            }
        }
        foreach (var user in users)
        {
            try
            {
                await profiles.FoldLegacyAsync(user, cancellationToken);
            }
            catch (StoredDataCorruptException)
            {
                // Their profile cannot be read, so nothing is folded into it; 'records broken' does not list it either.
                LogDamagedProfile(logger);
            }
        }
        profiles.MarkLegacyFolded();
        if (users.Count > 0)
        {
            LogFolded(logger, users.Count, clock.ElapsedMilliseconds);
        }
    }

    private async Task RetryUntilDoneAsync(CancellationToken cancellationToken)
    {
        for (var wait = FirstRetry; ; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRetry.Ticks)))
        {
            await Task.Delay(wait, time, cancellationToken);
            try
            {
                await FoldAllAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException)
            {
                LogRetrying(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Folded the per-user documents of {Users} people into their profiles in {Milliseconds} ms")]
    private static partial void LogFolded(ILogger logger, int users, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A user profile cannot be read; the old per-user documents beside it were left as they are")]
    private static partial void LogDamagedProfile(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fold the old per-user documents into profiles yet ({Reason}); retrying in the background, reading them meanwhile")]
    private static partial void LogRetrying(ILogger logger, string reason);
}
