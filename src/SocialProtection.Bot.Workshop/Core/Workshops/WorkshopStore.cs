using System.Collections.Concurrent;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>
/// Workshop records and the list of workshops of each channel. A workshop is created only where none exists
/// (If-None-Match) and changed only by optimistic read-modify-write, so two facilitators acting at once never lose
/// each other's change.
/// </summary>
internal sealed class WorkshopStore(IObjectStore objectStore, TimeProvider time)
{
    /// <summary>
    /// How old a copy <see cref="GetRecentAsync"/> may return. Every participant turn needs its workshop's status and
    /// question set; reading them once per few seconds instead of once per turn spares a storage round trip per turn.
    /// A change made by another instance of the bot (closing the workshop) is seen this much later there.
    /// </summary>
    public static readonly TimeSpan RecentCopyLifetime = TimeSpan.FromSeconds(5);

    private readonly JsonObjectStore _store = new(objectStore, StoredJson.StoreOptions());

    // Only workshops that exist are kept, so the cache is as small as the list of workshops.
    private readonly ConcurrentDictionary<string, RecentCopy> _recent = new(StringComparer.Ordinal);

    /// <summary>The workshop as stored now, or null when there is none.</summary>
    public async Task<WorkshopRecord?> GetAsync(string workshopId, CancellationToken cancellationToken) =>
        Remember(workshopId, (await _store.ReadAsync<WorkshopRecord>(WorkshopKeys.Workshop(workshopId), cancellationToken))?.Value);

    /// <summary>
    /// The workshop as stored at most <see cref="RecentCopyLifetime"/> ago (this process's own changes are seen at once),
    /// or null when there is none. For the participants' turns, which only read its status and question set.
    /// </summary>
    public Task<WorkshopRecord?> GetRecentAsync(string workshopId, CancellationToken cancellationToken) =>
        _recent.TryGetValue(workshopId, out var copy) && time.GetUtcNow() - copy.ReadAt < RecentCopyLifetime
            ? Task.FromResult<WorkshopRecord?>(copy.Workshop)
            : GetAsync(workshopId, cancellationToken);

    /// <summary>Stores a new workshop; false when one with the same id already exists (nothing is written then).</summary>
    public async Task<bool> CreateAsync(WorkshopRecord workshop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        try
        {
            await _store.WriteAsync(WorkshopKeys.Workshop(workshop.Id), workshop, WriteCondition.IfNotExists, cancellationToken);
            Remember(workshop.Id, workshop);
            return true;
        }
        catch (PreconditionFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored workshop (it may run several times; null means no change) and
    /// returns the workshop as stored afterwards, or null when there is none.
    /// </summary>
    public async Task<WorkshopRecord?> UpdateAsync(string workshopId, Func<WorkshopRecord, WorkshopRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var result = await _store.UpdateAsync<WorkshopRecord>(
            WorkshopKeys.Workshop(workshopId),
            current => current is not null && change(current) is { } next
                ? UpdateDecision.Write(next)
                : UpdateDecision.NoChange<WorkshopRecord>(),
            cancellationToken);
        return Remember(workshopId, result.Value);
    }

    /// <summary>The newest workshop created in the channel or group chat <paramref name="conversationId"/>, or null.</summary>
    public async Task<WorkshopRecord?> CurrentForAsync(string conversationId, CancellationToken cancellationToken)
    {
        var list = await _store.ReadAsync<ChannelWorkshops>(WorkshopKeys.ChannelWorkshops(conversationId), cancellationToken);
        return list?.Value.Current is { } id ? await GetAsync(id, cancellationToken) : null;
    }

    /// <summary>Makes <paramref name="workshopId"/> the channel's current workshop.</summary>
    public Task AddToChannelAsync(string conversationId, string workshopId, CancellationToken cancellationToken) =>
        _store.UpdateAsync<ChannelWorkshops>(
            WorkshopKeys.ChannelWorkshops(conversationId),
            current =>
            {
                var list = current ?? new ChannelWorkshops();
                return list.Current == workshopId
                    ? UpdateDecision.NoChange<ChannelWorkshops>()
                    : UpdateDecision.Write(list with { WorkshopIds = list.WorkshopIds.Remove(workshopId).Add(workshopId) });
            },
            cancellationToken);

    private WorkshopRecord? Remember(string workshopId, WorkshopRecord? workshop)
    {
        if (workshop is null)
        {
            _recent.TryRemove(workshopId, out _);
        }
        else
        {
            _recent[workshopId] = new RecentCopy(workshop, time.GetUtcNow());
        }
        return workshop;
    }

    private sealed record RecentCopy(WorkshopRecord Workshop, DateTimeOffset ReadAt);
}
