using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>The workshops created in one channel or group chat, oldest first; commands there act on the newest.</summary>
internal sealed record ChannelWorkshops
{
    public ImmutableArray<string> WorkshopIds { get; init; } = [];

    public string? Current => WorkshopIds.IsDefaultOrEmpty ? null : WorkshopIds[^1];
}
