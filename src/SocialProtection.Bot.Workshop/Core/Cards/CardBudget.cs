using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Cards;

/// <summary>
/// The size every card the bot sends stays under: 28 KB (28,000 bytes) as Teams counts it, UTF-16 at two bytes per
/// code unit. Bot messages may be bigger, but 28 KB is the smallest Teams limit a card can meet (webhook posts,
/// message-extension results), so a card under it is safe wherever it ends up.
/// </summary>
internal static class CardBudget
{
    public const int MaxBytes = 28_000;

    public static int Measure(AdaptiveCard card) => AdaptiveCardJson.Utf16ByteCount(card);

    public static bool Fits(AdaptiveCard card) => Measure(card) <= MaxBytes;

    /// <summary>
    /// The first of <paramref name="variants"/> (richest first) that fits; the last one when none does. For cards whose
    /// size depends on how much of the participant's text they show.
    /// </summary>
    public static AdaptiveCard FirstThatFits(IEnumerable<Func<AdaptiveCard>> variants)
    {
        AdaptiveCard? card = null;
        foreach (var variant in variants)
        {
            card = variant();
            if (Fits(card))
            {
                return card;
            }
        }
        return card ?? throw new ArgumentException("No card variant was given.", nameof(variants));
    }

    /// <summary>How many characters of each commitment text a list shows, longest first (full texts are on the edit and review cards).</summary>
    public static IReadOnlyList<int> PreviewLengths { get; } = [150, 80, 40, 20];
}
