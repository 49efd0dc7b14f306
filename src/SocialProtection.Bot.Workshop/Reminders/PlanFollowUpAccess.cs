using Microsoft.Extensions.Options;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// A workshop set up in a channel is followed up by whoever runs it (<see cref="FacilitatorRoles"/>, when the
/// facilitation feature is registered). Otherwise the facilitators are the configured ones
/// (<see cref="FollowUpOptions.FacilitatorUserKeys"/>) and those the workshop's plan names; a workshop with neither a
/// record nor a plan may be claimed by its first planner only when none are configured.
/// </summary>
internal sealed class PlanFollowUpAccess(
    FollowUpStore store,
    IOptions<FollowUpOptions> options,
    WorkshopStore? workshops = null,
    FacilitatorRoles? roles = null) : IFollowUpAccess
{
    public async Task<bool> IsFacilitatorAsync(string workshopId, string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        var configured = options.Value.FacilitatorUserKeys;
        if (configured.Contains(userKey, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (workshops is not null && roles is not null && WorkshopIds.IsValid(workshopId)
            && await workshops.GetAsync(workshopId, cancellationToken) is { } workshop)
        {
            return roles.RunsWholeWorkshop(userKey, workshop);
        }

        var plan = await store.GetPlanAsync(workshopId, cancellationToken);
        return plan is null
            ? configured.Count == 0
            : plan.FacilitatorUserKeys.Contains(userKey, StringComparer.OrdinalIgnoreCase);
    }
}
