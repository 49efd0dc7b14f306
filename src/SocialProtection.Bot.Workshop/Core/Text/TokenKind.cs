using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>What a word token is written in.</summary>
internal enum TokenKind
{
    /// <summary>Thai script (a dictionary word, or a fragment of an unknown word).</summary>
    Thai,

    /// <summary>Latin letters, possibly with digits ("ilo", "r202", "don't").</summary>
    Latin,

    /// <summary>Only digits with their separators ("2569", "๒๕๖๙", "1,000", "3.14").</summary>
    Number,

    /// <summary>Letters of another script.</summary>
    Other,
}
