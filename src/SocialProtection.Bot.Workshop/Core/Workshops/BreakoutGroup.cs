using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>A breakout group of a workshop: a stable id ("g1", "g2", …), the name the facilitator typed, and its own facilitators.</summary>
internal sealed record BreakoutGroup
{
    public required string Id { get; init; }

    /// <summary>As typed at set-up: user text, escape it wherever it is shown.</summary>
    public required string Name { get; init; }

    /// <summary>The user keys (Entra object ids) of the group's facilitators.</summary>
    public ImmutableArray<string> FacilitatorUserKeys { get; init; } = [];
}
