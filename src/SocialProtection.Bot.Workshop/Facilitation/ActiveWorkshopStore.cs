using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>Which workshop each user last joined (<c>users/{userKey}/active-workshop.json</c>).</summary>
internal sealed class ActiveWorkshopStore(IObjectStore objectStore, TimeProvider time)
{
    private readonly JsonObjectStore _store = new(objectStore, StoredJson.StoreOptions());

    public async Task<ActiveWorkshop?> GetAsync(string userKey, CancellationToken cancellationToken) =>
        (await _store.ReadAsync<ActiveWorkshop>(WorkshopKeys.ActiveWorkshop(userKey), cancellationToken))?.Value;

    /// <summary>Points the user's personal chat at <paramref name="workshopId"/>; written only when it changes.</summary>
    public Task SetAsync(string userKey, string workshopId, string groupId, CancellationToken cancellationToken) =>
        _store.UpdateAsync<ActiveWorkshop>(
            WorkshopKeys.ActiveWorkshop(userKey),
            current => current?.WorkshopId == workshopId && current.GroupId == groupId
                ? UpdateDecision.NoChange<ActiveWorkshop>()
                : UpdateDecision.Write(new ActiveWorkshop { WorkshopId = workshopId, GroupId = groupId, JoinedAt = time.GetUtcNow() }),
            cancellationToken);
}
