using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>The verbs of the participant's card buttons (Action.Execute verbs, and the verb field of their Action.Submit fallbacks).</summary>
internal static class CardVerbs
{
    public const string Start = "lesson.start";
    public const string Continue = "lesson.continue";
    public const string Answer = "lesson.answer";
    public const string Back = "lesson.back";
    public const string Skip = "lesson.skip";
    public const string Later = "lesson.later";
    public const string Edit = "lesson.edit";
    public const string Review = "lesson.review";
    public const string Submit = "lesson.submit";
    public const string AddCommitment = "lesson.commitment.add";
    public const string EditCommitment = "lesson.commitment.edit";
    public const string RemoveCommitment = "lesson.commitment.remove";
    public const string CancelCommitment = "lesson.commitment.cancel";
    public const string Language = "lesson.language";
    public const string Refresh = "lesson.refresh";

    public static IReadOnlyList<string> All { get; } =
    [
        Start, Continue, Answer, Back, Skip, Later, Edit, Review, Submit,
        AddCommitment, EditCommitment, RemoveCommitment, CancelCommitment, Language, Refresh,
    ];

    /// <summary>Verbs that change answers or the dialog's position: only the newest card may use them.</summary>
    public static bool Mutates(string verb) => verb is Answer or Back or Skip or Later or Submit
        or AddCommitment or EditCommitment or RemoveCommitment or CancelCommitment;
}
