using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Cards;

/// <summary>A rendered message: a card in a message of its own, or markdown text.</summary>
internal abstract record RenderedReply
{
    public sealed record CardReply(AdaptiveCard Card) : RenderedReply;

    public sealed record TextReply(string Text) : RenderedReply;
}
