using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Who may set a workshop's follow-up plan and see its follow-up view. The roles feature may replace the default
/// (<see cref="PlanFollowUpAccess"/>).
/// </summary>
internal interface IFollowUpAccess
{
    Task<bool> IsFacilitatorAsync(string workshopId, string userKey, CancellationToken cancellationToken);
}
