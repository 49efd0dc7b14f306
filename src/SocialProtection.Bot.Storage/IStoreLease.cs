namespace SocialProtection.Bot.Storage;

/// <summary>A single-writer lease on one key. Disposing releases it.</summary>
public interface IStoreLease : IAsyncDisposable
{
    string Key { get; }

    /// <summary>Extends the lease; returns false if it was lost (expired and taken by another holder).</summary>
    Task<bool> RenewAsync(CancellationToken cancellationToken);
}
