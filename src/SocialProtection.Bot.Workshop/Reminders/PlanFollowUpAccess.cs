using Microsoft.Extensions.Options;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Facilitators are the configured ones (<see cref="FollowUpOptions.FacilitatorUserKeys"/>) and those the workshop's
/// plan names; a workshop with no plan may be claimed by its first planner only when none are configured.
/// </summary>
public sealed class PlanFollowUpAccess(FollowUpStore store, IOptions<FollowUpOptions> options) : IFollowUpAccess
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

        var plan = await store.GetPlanAsync(workshopId, cancellationToken);
        return plan is null
            ? configured.Count == 0
            : plan.FacilitatorUserKeys.Contains(userKey, StringComparer.OrdinalIgnoreCase);
    }
}
