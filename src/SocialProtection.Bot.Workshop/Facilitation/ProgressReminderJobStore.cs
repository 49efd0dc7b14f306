using System.Security.Cryptography;
using System.Text;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// The remind-unfinished sends decided on any instance, kept in the store until the sending instance has sent them
/// (<see cref="PendingProgressReminders"/>). They hold personal-chat references only until sent: a few seconds.
/// </summary>
internal sealed class ProgressReminderJobStore(IObjectStore objectStore)
{
    public const string Prefix = "progress-reminders/pending/";

    private readonly JsonObjectStore _store = new(objectStore, StoredJson.StoreOptions());

    /// <summary>The id of a press's job: a hash of workshop and press, so a redelivered press cannot make two.</summary>
    public static string JobId(string workshopId, string pressId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workshopId + "\n" + pressId)))[..32];

    public static string Key(string id) => StorageKey.Combine("progress-reminders", "pending", id + ".json");

    /// <summary>Stores a new job; one that exists already (the same press) is left as it is.</summary>
    public async Task AddAsync(PendingProgressReminders job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            await _store.WriteAsync(Key(job.Id), job, WriteCondition.IfNotExists, cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            // Stored by an earlier delivery of the same press.
        }
    }

    public async Task<IReadOnlyList<Versioned<PendingProgressReminders>>> ListAsync(CancellationToken cancellationToken)
    {
        var jobs = new List<Versioned<PendingProgressReminders>>();
        var keys = new List<string>();
        await foreach (var info in objectStore.ListAsync(Prefix, cancellationToken))
        {
            keys.Add(info.Key);
        }
        foreach (var key in keys)
        {
            try
            {
                if (await _store.ReadAsync<PendingProgressReminders>(key, cancellationToken) is { } job)
                {
                    jobs.Add(job);
                }
            }
            catch (StoredDataCorruptException)
            {
                // A damaged job cannot be sent; it is removed so it is not met at every look.
                await objectStore.DeleteAsync(key, ifMatch: null, cancellationToken);
            }
        }
        return jobs;
    }

    /// <summary>Records how far the sends got; returns the new ETag.</summary>
    public Task<string> AdvanceAsync(PendingProgressReminders job, string etag, CancellationToken cancellationToken) =>
        _store.WriteAsync(Key(job.Id), job, WriteCondition.IfMatch(etag), cancellationToken);

    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        objectStore.DeleteAsync(Key(id), ifMatch: null, cancellationToken);
}
