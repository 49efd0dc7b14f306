using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>
/// One voter's dots on one ballot, stored as its own object so two people voting at once never write the same
/// object. <see cref="ProcessedActivityIds"/> makes a redelivered press count once.
/// </summary>
internal sealed record VoterDots
{
    public const int ProcessedActivityIdsKept = 20;

    public required string VoterId { get; init; }

    /// <summary>The candidates this voter put a dot on (one dot each), in ordinal order.</summary>
    public ImmutableSortedSet<string> CandidateIds { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    public ImmutableList<string> ProcessedActivityIds { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    public bool HasProcessed(string? activityId) => activityId is { Length: > 0 } && ProcessedActivityIds.Contains(activityId);

    public VoterDots WithProcessed(string? activityId)
    {
        if (activityId is not { Length: > 0 } || ProcessedActivityIds.Contains(activityId))
        {
            return this;
        }
        var ids = ProcessedActivityIds.Add(activityId);
        return this with { ProcessedActivityIds = ids.Count > ProcessedActivityIdsKept ? ids.RemoveRange(0, ids.Count - ProcessedActivityIdsKept) : ids };
    }

    /// <summary>Dots the voter may still place under <paramref name="ballot"/> (dots on withdrawn candidates do not count).</summary>
    public int DotsLeft(DotVoteBallot ballot) => Math.Max(0, ballot.DotsPerVoter - CountedDots(ballot));

    /// <summary>The dots that count: on current candidates only, and never more than the ballot allows.</summary>
    public int CountedDots(DotVoteBallot ballot) => Math.Min(ballot.DotsPerVoter, CandidateIds.Count(id => ballot.Find(id) is not null));
}
