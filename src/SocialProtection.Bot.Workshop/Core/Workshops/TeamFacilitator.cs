namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>Someone who may create and run workshops in one team (or group chat): who installed the bot there, or whom a facilitator added.</summary>
internal sealed record TeamFacilitator
{
    /// <summary>Their user key (Entra object id).</summary>
    public required string UserKey { get; init; }

    /// <summary>The name Teams showed when they were added, to tell others whom to ask; empty when unknown.</summary>
    public string Name { get; init; } = "";

    /// <summary>The user key of who added them; null for the person who installed the bot.</summary>
    public string? AddedBy { get; init; }

    public required DateTimeOffset AddedAt { get; init; }
}
