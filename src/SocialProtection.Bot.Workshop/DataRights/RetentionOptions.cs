using System.ComponentModel.DataAnnotations;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>How long a closed workshop's raw answers are kept, from the "Workshop" configuration section.</summary>
internal sealed class RetentionOptions
{
    public const string SectionName = "Workshop";

    /// <summary>Days after a workshop is closed until its participants' records (raw answers) are deleted.</summary>
    [Range(1, 36500, ErrorMessage = "Workshop:RetentionDays must be between 1 and 36500.")]
    public int RetentionDays { get; set; } = 180;

    public TimeSpan RetentionPeriod => TimeSpan.FromDays(RetentionDays);
}
