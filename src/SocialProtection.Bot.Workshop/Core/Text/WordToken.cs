using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>One word of segmented text.</summary>
/// <param name="Text">The word for matching: normalised (NFC, SARA AM repaired) and lower-cased.</param>
/// <param name="Surface">The word as written, after normalisation but before lower-casing (for display).</param>
/// <param name="Kind">The script the word is written in.</param>
/// <param name="HasThaiDigits">True when the word contains Thai numerals (๐–๙), which are kept as written.</param>
/// <param name="Gap">What separated this word from the previous one.</param>
internal readonly record struct WordToken(string Text, string Surface, TokenKind Kind, bool HasThaiDigits, TokenGap Gap);
