using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>
/// Who may create workshops in a team without any configuration: the person who installed the bot there (the
/// <c>from</c> of the installationUpdate / conversationUpdate that added it) and whoever a team facilitator adds with
/// <c>facilitator add @name</c> while no workshop runs in the channel. Keyed by the team id (every channel of a team
/// shares it), or by the group chat's id. Changed only by optimistic read-modify-write.
/// </summary>
internal sealed class TeamFacilitators(IObjectStore store, TimeProvider time)
{
    private readonly JsonObjectStore _store = new(store, StoredJson.StoreOptions());

    /// <summary>The team (or group chat) an activity happened in: where its facilitators are kept; null in personal chat.</summary>
    public static string? PlaceOf(Activity activity) =>
        ChannelConversation.IsChannelOrGroupChat(activity) ? ChannelConversation.TeamId(activity) ?? ChannelConversation.Id(activity) : null;

    public async Task<TeamFacilitatorList> ListAsync(string place, CancellationToken cancellationToken) =>
        (await _store.ReadAsync<TeamFacilitatorList>(WorkshopKeys.TeamFacilitators(place), cancellationToken))?.Value ?? new TeamFacilitatorList();

    public async Task<bool> IsFacilitatorAsync(string place, string userKey, CancellationToken cancellationToken) =>
        (await ListAsync(place, cancellationToken)).Contains(userKey);

    /// <summary>Adds <paramref name="userKey"/> to the place's facilitators; false when they already were one.</summary>
    public async Task<bool> AddAsync(string place, string userKey, string? name, string? addedBy, CancellationToken cancellationToken)
    {
        var result = await _store.UpdateAsync<TeamFacilitatorList>(
            WorkshopKeys.TeamFacilitators(place),
            current =>
            {
                var list = current ?? new TeamFacilitatorList();
                return list.Contains(userKey)
                    ? UpdateDecision.NoChange<TeamFacilitatorList>()
                    : UpdateDecision.Write(list with
                    {
                        Facilitators = list.Facilitators.Add(new TeamFacilitator { UserKey = userKey, Name = name ?? "", AddedBy = addedBy, AddedAt = time.GetUtcNow() }),
                    });
            },
            cancellationToken);
        return result.Changed;
    }

    /// <summary>Removes <paramref name="userKey"/> from the place's facilitators; false when they were not one.</summary>
    public async Task<bool> RemoveAsync(string place, string userKey, CancellationToken cancellationToken)
    {
        var result = await _store.UpdateAsync<TeamFacilitatorList>(
            WorkshopKeys.TeamFacilitators(place),
            current => current is not null && current.Contains(userKey)
                ? UpdateDecision.Write(current with
                {
                    Facilitators = [.. current.Facilitators.Where(f => !string.Equals(f.UserKey, userKey, StringComparison.OrdinalIgnoreCase))],
                })
                : UpdateDecision.NoChange<TeamFacilitatorList>(),
            cancellationToken);
        return result.Changed;
    }
}
