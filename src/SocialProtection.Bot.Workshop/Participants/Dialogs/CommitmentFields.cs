using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;

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

    /// <summary><paramref name="drafts"/> with the form's filled fields kept (cut to what a field holds) and its empty ones dropped.</summary>
    public static ImmutableSortedDictionary<string, string> WithDrafts(ImmutableSortedDictionary<string, string> drafts, Question question, CommitmentForm form)
    {
        (int Step, string? Value, int Limit)[] fields =
        [
            (ActionStep, form.Action, question.ActionMaxLength),
            (OrganisationStep, form.Organisation, question.OrganisationMaxLength),
            (DueDateStep, form.DueDate, 40),
        ];
        foreach (var (step, value, limit) in fields)
        {
            var key = DraftKey(question.Id, step);
            drafts = string.IsNullOrWhiteSpace(value) ? drafts.Remove(key) : drafts.SetItem(key, AnswerValidator.ForField(value, limit)!);
        }
        return drafts;
    }

    /// <summary>The drafts of <paramref name="questionId"/>'s commitment fields, as a form.</summary>
    public static CommitmentForm DraftForm(ImmutableSortedDictionary<string, string> drafts, string questionId) => new(
        drafts.GetValueOrDefault(DraftKey(questionId, ActionStep)),
        drafts.GetValueOrDefault(DraftKey(questionId, OrganisationStep)),
        drafts.GetValueOrDefault(DraftKey(questionId, DueDateStep)));

    /// <summary><paramref name="drafts"/> without any of <paramref name="questionId"/>'s commitment fields.</summary>
    public static ImmutableSortedDictionary<string, string> WithoutDrafts(ImmutableSortedDictionary<string, string> drafts, string questionId) =>
        drafts.RemoveRange([DraftKey(questionId, ActionStep), DraftKey(questionId, OrganisationStep), DraftKey(questionId, DueDateStep)]);

    /// <summary>
    /// Checks the one card's three fields: what and who within their lengths, by when a real date from today on. The
    /// values (due date as yyyy-MM-dd), or the first problem, naming the field when one is missing.
    /// </summary>
    public static (string Action, string Organisation, DateOnly DueDate)? Check(Question question, CommitmentForm form, DateOnly today, out Notice? error)
    {
        if (string.IsNullOrWhiteSpace(form.Action) || string.IsNullOrWhiteSpace(form.Organisation) || string.IsNullOrWhiteSpace(form.DueDate))
        {
            error = Notice.Problem(UiTextKeys.ErrorCommitmentIncomplete);
            return null;
        }
        error = AnswerValidator.CheckText(form.Action, question.ActionMaxLength)
            ?? AnswerValidator.CheckText(form.Organisation, question.OrganisationMaxLength);
        if (error is not null)
        {
            return null;
        }
        (var due, error) = AnswerValidator.CheckDueDate(form.DueDate, today);
        return due is { } date ? (form.Action, form.Organisation, date) : null;
    }
}
