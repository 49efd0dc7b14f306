using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>
/// Once: someone an existing facilitator made a facilitator in Teams, which let them create workshops everywhere. No
/// longer written or read (issue 15 item 5: being added to one workshop grants nothing elsewhere; see
/// <see cref="TeamFacilitators"/>); kept so stored grants still deserialize for export or deletion.
/// </summary>
internal sealed record FacilitatorGrant
{
    /// <summary>The user key of the facilitator who added them.</summary>
    public required string AddedBy { get; init; }

    public required DateTimeOffset AddedAt { get; init; }
}
