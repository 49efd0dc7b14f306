namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>One page of conversation members; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record PagedMembersResult
{
    public IReadOnlyList<TeamsChannelAccount> Members { get; init; } = [];
    public string? ContinuationToken { get; init; }
}
