namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>
/// <c>refresh</c>: when the card is viewed, Teams sends <see cref="Action"/> (an <see cref="ExecuteAction"/>) with
/// trigger "automatic" for the users in <see cref="UserIds"/> (at most 60; an empty list means manual refresh only).
/// </summary>
public sealed record CardRefresh(AdaptiveAction Action)
{
    public IReadOnlyList<string>? UserIds { get; init; }
}
