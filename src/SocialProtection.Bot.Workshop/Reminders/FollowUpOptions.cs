using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>The follow-up feature's own settings ("Reminders").</summary>
internal sealed class FollowUpOptions
{
    public const string SectionName = "Reminders";

    /// <summary>
    /// User keys (Entra object ids) allowed to manage every workshop's follow-up. When a workshop has no plan yet and
    /// this list is empty, whoever sets the first plan from the workshop's channel becomes its facilitator.
    /// </summary>
    public IList<string> FacilitatorUserKeys { get; set; } = [];
}
