using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>The workshop a user last joined from a channel, and in which group: their personal chat answers into it.</summary>
internal sealed record ActiveWorkshop
{
    public required string WorkshopId { get; init; }

    public required string GroupId { get; init; }

    public DateTimeOffset JoinedAt { get; init; }
}
