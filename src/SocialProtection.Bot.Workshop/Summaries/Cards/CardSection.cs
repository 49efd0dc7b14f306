using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Summaries.Cards;

/// <summary>
/// A run of blocks under one heading. When the section carries over to the next card it starts there with
/// <see cref="ContinuedHeading"/>, so every card reads on its own.
/// </summary>
internal sealed record CardSection(
    IReadOnlyList<AdaptiveElement> Heading,
    IReadOnlyList<AdaptiveElement> ContinuedHeading,
    IReadOnlyList<CardBlock> Blocks);

/// <summary>Elements that must stay on the same card (an answer with its author's label).</summary>
internal sealed record CardBlock(IReadOnlyList<AdaptiveElement> Elements)
{
    private int? _bytes;

    /// <summary>The block's size in a card body, measured once (measuring means serializing).</summary>
    public int Bytes => _bytes ??= CardPacker.Bytes(Elements);
}
