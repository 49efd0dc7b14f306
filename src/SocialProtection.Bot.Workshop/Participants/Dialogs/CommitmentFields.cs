using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Participants.Dialogs;

/// <summary>The commitment sub-dialog's steps and the frame values it keeps.</summary>
internal static class CommitmentFields
{
    public const int ActionStep = 0;
    public const int OrganisationStep = 1;
    public const int DueDateStep = 2;
    public const int StepCount = 3;

    public const string QuestionId = "questionId";

    /// <summary>The position of the commitment being edited, or "-1" for a new one.</summary>
    public const string Index = "index";

    public const string Action = "action";
    public const string Organisation = "organisation";
    public const string DueDate = "dueDate";

    /// <summary>Set in the result when the participant removed the commitment being edited.</summary>
    public const string Removed = "removed";

    /// <summary>Text typed on the commitment list, taken as the new commitment's action.</summary>
    public const string TypedAction = "typedAction";

    public static string ForStep(int step) => step switch
    {
        ActionStep => Action,
        OrganisationStep => Organisation,
        DueDateStep => DueDate,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "The commitment dialog has three steps."),
    };

    /// <summary>Where "save and continue later" keeps unfinished text for a step.</summary>
    public static string DraftKey(string questionId, int step) => $"{questionId}#{ForStep(step)}";
}
