using System.Collections.Immutable;

namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>The facilitators of one team (or group chat), stored at <c>teams/{teamOrChatId}/facilitators.json</c>.</summary>
internal sealed record TeamFacilitatorList
{
    public ImmutableArray<TeamFacilitator> Facilitators { get; init; } = [];

    public bool Contains(string userKey) => Facilitators.Any(f => string.Equals(f.UserKey, userKey, StringComparison.OrdinalIgnoreCase));
}
