using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>Someone an existing facilitator made a facilitator in Teams: they may create workshops too.</summary>
internal sealed record FacilitatorGrant
{
    /// <summary>The user key of the facilitator who added them.</summary>
    public required string AddedBy { get; init; }

    public required DateTimeOffset AddedAt { get; init; }
}
