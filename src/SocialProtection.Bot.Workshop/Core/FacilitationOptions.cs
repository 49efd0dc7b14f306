using System.ComponentModel.DataAnnotations;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Core;

/// <summary>The facilitator side's settings, from the "Workshop" configuration section (shared with the participant dialog).</summary>
internal sealed class FacilitationOptions : IValidatableObject
{
    public const string SectionName = "Workshop";

    /// <summary>
    /// Entra object ids of the people who may create workshops (Workshop:Facilitators:0, :1, …). Whoever creates a
    /// workshop is its facilitator; facilitators can make others facilitators in Teams.
    /// </summary>
    public IList<string> Facilitators { get; set; } = [];

    /// <summary>Question set files offered at set-up besides the workshop's default set (Workshop:QuestionSets:0, …).</summary>
    public IList<string> QuestionSets { get; set; } = [];

    /// <summary>The most breakout groups a workshop may have.</summary>
    [Range(1, 50)]
    public int MaxGroups { get; set; } = 30;

    /// <summary>How many dots each participant has in a group's vote on leverage points.</summary>
    [Range(1, 10)]
    public int DotsPerVoter { get; set; } = 3;

    /// <summary>The progress card's "remind those who have not finished" reminds each person at most once in this many minutes.</summary>
    [Range(1, 1440)]
    public int RemindUnfinishedMinutes { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var id in Facilitators)
        {
            if (!Guid.TryParse(id, out _))
            {
                yield return new ValidationResult(
                    "Each of Workshop:Facilitators must be an Entra object id (a GUID).", [nameof(Facilitators)]);
            }
        }
    }
}
