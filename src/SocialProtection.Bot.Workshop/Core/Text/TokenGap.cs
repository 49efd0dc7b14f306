using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>What stood between a token and the one before it in the original text.</summary>
internal enum TokenGap
{
    /// <summary>Nothing: the tokens touch, as Thai words do inside a run of Thai text.</summary>
    None,

    /// <summary>Only spaces or tabs on one line.</summary>
    Space,

    /// <summary>The start of the text, a line break, punctuation or a symbol (emoji included).</summary>
    Break,
}
