using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>What the data-rights features need to know about a workshop: how to describe it in an export, who runs it, whether and when it closed, and its channel.</summary>
internal sealed record WorkshopFacts
{
    public required ExportedWorkshop Workshop { get; init; }

    /// <summary>The workshop's pseudonym key, so exports number people as its summaries do.</summary>
    public required AnonymityKey AnonymityKey { get; init; }

    /// <summary>The user keys of its facilitators.</summary>
    public IReadOnlyList<string> FacilitatorUserKeys { get; init; } = [];

    /// <summary>When it was closed; null while open.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The Teams conversation (channel or group chat) the workshop is run from, when known.</summary>
    public string? ChannelConversationId { get; init; }

    public bool IsClosed => ClosedAt is not null;

    public bool IsFacilitator(string userKey) => FacilitatorUserKeys.Contains(userKey, StringComparer.OrdinalIgnoreCase);
}
