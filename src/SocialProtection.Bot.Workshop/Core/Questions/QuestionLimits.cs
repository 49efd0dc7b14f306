using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>
/// The bounds a question set must keep. They keep every card the bot shows under Teams' size limit, so they are
/// checked on load rather than trusted.
/// </summary>
internal static class QuestionLimits
{
    public const int MaxQuestions = 30;
    public const int MaxIdLength = 40;
    public const int MaxQuestionTextLength = 500;
    public const int MaxHelpLength = 1000;
    public const int MaxPlaceholderLength = 200;
    public const int MaxChoiceLabelLength = 200;
    public const int MinChoices = 2;
    public const int MaxChoices = 20;

    public const int DefaultMaxLength = 2000;
    public const int MaxMaxLength = 2000;

    public const int DefaultMaxCommitments = 10;
    /// <summary>The commitment list card shows every commitment with its own Edit button; more would not fit one card.</summary>
    public const int MaxMaxCommitments = 10;
    public const int DefaultActionMaxLength = 300;
    public const int MaxActionMaxLength = 500;
    public const int DefaultOrganisationMaxLength = 150;
    public const int MaxOrganisationMaxLength = 200;

    /// <summary>
    /// An answer may hold at most this many UTF-16 code units per allowed character. Thai needs up to three
    /// (consonant, vowel, tone mark) for one perceived character; the cap stops stacked marks from bloating cards.
    /// </summary>
    public const int CodeUnitsPerCharacter = 3;

    public static int MaxCodeUnits(int maxLength) => maxLength * CodeUnitsPerCharacter;

    /// <summary>
    /// How much text a field holds and gives back after an error: a third more than an answer may have, so someone
    /// who typed a little too much gets all of it back to shorten, while a forged megabyte cannot bloat the card.
    /// </summary>
    public static int MaxFieldCodeUnits(int maxLength) => maxLength * (CodeUnitsPerCharacter + 1);
}
