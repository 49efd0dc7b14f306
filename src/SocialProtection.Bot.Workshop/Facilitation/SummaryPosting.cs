using System.Collections.Immutable;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Summary (or vote) cards being posted into a workshop's channel, one message each, paced, stored at
/// <c>workshops/{workshopId}/postings/{postingId}.json</c> with how far it got, so a restart resumes rather than
/// starts over. The cards themselves are rebuilt from the stored summary and ballot (both deterministic).
/// </summary>
internal sealed record SummaryPosting
{
    public required string Id { get; init; }

    public required string WorkshopId { get; init; }

    public required ConversationReference Channel { get; init; }

    public required ImmutableArray<PostingPart> Parts { get; init; }

    /// <summary>The part being posted (an index into <see cref="Parts"/>).</summary>
    public int NextPart { get; init; }

    /// <summary>The next card of that part.</summary>
    public int NextCard { get; init; }

    public int CardsPosted { get; init; }

    public PostingStatus Status { get; init; } = PostingStatus.Pending;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
