using SocialProtection.Bot.Protocol.Cards;

namespace SocialProtection.Bot.Workshop.Cards;

/// <summary>
/// The size every card the bot sends stays under: 28 KB (28,000 bytes) as Teams counts it, UTF-16 at two bytes per
/// code unit. Bot messages may be bigger, but 28 KB is the smallest Teams limit a card can meet (webhook posts,
/// message-extension results), so a card under it is safe wherever it ends up.
/// </summary>
public static class CardBudget
{
    public const int MaxBytes = 28_000;

    public static int Measure(AdaptiveCard card) => AdaptiveCardJson.Utf16ByteCount(card);

    public static bool Fits(AdaptiveCard card) => Measure(card) <= MaxBytes;
}
