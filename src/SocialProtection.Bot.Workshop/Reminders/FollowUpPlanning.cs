using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Saving a plan from the form or the typed command: store it, queue its reminders at once (rather than at the next
/// planning round, so a rule whose moment just passed goes out now, late, within MaxLateness) and say what it will do.
/// </summary>
internal sealed class FollowUpPlanning(FollowUpPlanService plans, ReminderPlanner planner, FollowUpViewService views)
{
    /// <summary>Stores and plans <paramref name="request"/> (checked first with <see cref="FollowUpPlanService.Check"/>); returns the plan and its forecast.</summary>
    public async Task<(FollowUpPlan Plan, FollowUpSnapshot Snapshot)> SaveAsync(
        string workshopId, FollowUpPlanRequest request, string facilitatorUserKey, ConversationReference? facilitatorConversation, CancellationToken cancellationToken)
    {
        var plan = await plans.SetAsync(workshopId, request, facilitatorUserKey, facilitatorConversation, cancellationToken);
        await planner.PlanWorkshopAsync(workshopId, cancellationToken);
        var snapshot = await views.LoadAsync(workshopId, cancellationToken);
        return (snapshot.Plan ?? plan, snapshot);
    }
}
