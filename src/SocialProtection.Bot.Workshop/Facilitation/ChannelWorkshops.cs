using System.Collections.Immutable;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>The workshops created in one channel or group chat, oldest first; commands there act on the newest.</summary>
public sealed record ChannelWorkshops
{
    public ImmutableArray<string> WorkshopIds { get; init; } = [];

    public string? Current => WorkshopIds.IsDefaultOrEmpty ? null : WorkshopIds[^1];
}
