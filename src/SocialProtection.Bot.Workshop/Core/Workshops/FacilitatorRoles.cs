using Microsoft.Extensions.Options;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>
/// Who may do what. The configured facilitators (Workshop:Facilitators) and those an existing facilitator added in
/// Teams may create workshops; a workshop's own facilitators (its creator, those added there, its groups' facilitators)
/// and the configured ones may run it. User keys are Entra object ids, compared without regard to case.
/// </summary>
internal sealed class FacilitatorRoles
{
    private readonly HashSet<string> _configured;
    private readonly JsonObjectStore _store;
    private readonly TimeProvider _time;

    public FacilitatorRoles(IObjectStore store, IOptions<FacilitationOptions> options, TimeProvider time)
    {
        _configured = new HashSet<string>(options.Value.Facilitators.Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);
        _store = new JsonObjectStore(store, StoredJson.StoreOptions());
        _time = time;
    }

    public bool IsConfigured(string userKey) => _configured.Contains(userKey);

    public async Task<bool> CanCreateWorkshopsAsync(string userKey, CancellationToken cancellationToken) =>
        IsConfigured(userKey) || await IsGrantedAsync(userKey, cancellationToken);

    public bool CanRun(string userKey, WorkshopRecord workshop) => IsConfigured(userKey) || workshop.IsFacilitator(userKey);

    /// <summary>Lets <paramref name="userKey"/> create workshops; kept when already granted.</summary>
    public Task GrantAsync(string userKey, string addedBy, CancellationToken cancellationToken) =>
        _store.UpdateAsync<FacilitatorGrant>(
            WorkshopKeys.Facilitator(userKey.ToLowerInvariant()),
            current => current is null
                ? UpdateDecision.Write(new FacilitatorGrant { AddedBy = addedBy, AddedAt = _time.GetUtcNow() })
                : UpdateDecision.NoChange<FacilitatorGrant>(),
            cancellationToken);

    private async Task<bool> IsGrantedAsync(string userKey, CancellationToken cancellationToken) =>
        await _store.ReadAsync<FacilitatorGrant>(WorkshopKeys.Facilitator(userKey.ToLowerInvariant()), cancellationToken) is not null;
}
