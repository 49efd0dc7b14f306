namespace SocialProtection.Bot.Workshop.Core.Users;

/// <summary>The workshop a user last joined from a channel, and in which group: their personal chat answers into it.</summary>
internal sealed record ActiveWorkshop
{
    public required string WorkshopId { get; init; }

    public required string GroupId { get; init; }

    public DateTimeOffset JoinedAt { get; init; }
}
