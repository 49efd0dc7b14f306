using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>One group's share of a posting: its summary cards, or its dot-vote cards.</summary>
internal sealed record PostingPart(string GroupId, PostingPartKind Kind);

internal enum PostingPartKind
{
    /// <summary>The group's stored summary, as summary cards.</summary>
    Summary,

    /// <summary>The group's dot vote on leverage points, as vote cards with the current tally.</summary>
    Vote,
}
