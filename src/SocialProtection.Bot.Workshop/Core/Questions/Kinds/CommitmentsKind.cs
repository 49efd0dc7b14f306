using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Core.Questions.Kinds;

/// <summary>
/// A list of the participant's own commitments (action, responsible organisation, due date), minItems to maxItems
/// long. It has no single field: the participant dialog builds the list on a card of its own (Participants'
/// CommitmentDialog and CommitmentCards), and the reminders follow each commitment up.
/// </summary>
internal sealed class CommitmentsKind() : QuestionKind("commitments", "minItems", "maxItems", "actionMaxLength", "organisationMaxLength")
{
    public override Question Define(Question question, QuestionDefinition definition)
    {
        var max = definition.Integer("maxItems", 1, QuestionLimits.MaxMaxCommitments, QuestionLimits.DefaultMaxCommitments);
        var min = definition.Integer("minItems", 0, QuestionLimits.MaxMaxCommitments, question.Required ? 1 : 0);
        if (min > max)
        {
            definition.Error("minItems", $"({min}) must not be more than maxItems ({max}).");
        }
        if (question.Required && min == 0)
        {
            definition.Error("minItems", "must be at least 1 when the question is required.");
        }
        return question with
        {
            MinItems = min,
            MaxItems = max,
            ActionMaxLength = definition.Integer("actionMaxLength", 1, QuestionLimits.MaxActionMaxLength, QuestionLimits.DefaultActionMaxLength),
            OrganisationMaxLength = definition.Integer("organisationMaxLength", 1, QuestionLimits.MaxOrganisationMaxLength, QuestionLimits.DefaultOrganisationMaxLength),
        };
    }

    public override AnswerCheck Check(Question question, string raw, bool typed, DateOnly? today) =>
        throw new ArgumentException("A commitment list is built by its own dialog, not answered with a single value.", nameof(question));

    public override string? FieldValue(Answer answer) => null;

    public override AdaptiveInput Input(Question question, string? prefill, Language language) =>
        throw new ArgumentException("A commitment list is built on its own card; it has no single field.", nameof(question));

    public override IEnumerable<AdaptiveElement> Display(Question question, Answer answer, Language language, int? previewLength) =>
        answer.Commitments!.Select((commitment, index) => Item(language, commitment, index, previewLength));

    public override IReadOnlyList<int> PreviewLengths => CardBudget.PreviewLengths;

    /// <summary>One commitment: "2. action", the organisation, the due date. <paramref name="previewLength"/> shortens the texts for lists.</summary>
    public static Container Item(Language language, Commitment commitment, int index, int? previewLength, AdaptiveElement? after = null)
    {
        var action = previewLength is { } n ? CardText.Truncate(commitment.Action, n) : commitment.Action;
        var organisation = previewLength is { } m ? CardText.Truncate(commitment.Organisation, Math.Max(m / 2, 40)) : commitment.Organisation;
        var items = new List<AdaptiveElement>
        {
            new RichTextBlock([
                new TextRun((index + 1).ToString(CultureInfo.InvariantCulture) + ". ") { Weight = TextWeight.Bolder },
                new TextRun(action) { Weight = TextWeight.Bolder },
            ]),
            UserText(organisation, UiText.Default.Get(UiTextKeys.CommitmentResponsible, language)),
            new RichTextBlock([
                new TextRun(UiText.Default.Get(UiTextKeys.CommitmentDue, language)) { IsSubtle = true },
                new TextRun(ThaiDateFormatter.Format(commitment.DueDate, language)),
            ]),
        };
        if (after is not null)
        {
            items.Add(after);
        }
        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    protected override bool Holds(Answer answer) => answer.Commitments is { Count: > 0 };

    public override QuestionSummary Summarize(Question question, IReadOnlyList<(Respondent Respondent, Answer Answer)> answers) =>
        new CommitmentsQuestionSummary
        {
            QuestionId = question.Id,
            Kind = question.Kind.Name,
            Text = question.Text,
            AnswerCount = answers.Count,
            Commitments = [.. answers
                .SelectMany(a => a.Answer.Commitments!.Select(c => new CommitmentEntry(a.Respondent, c.Id, c.Action, c.Organisation, c.DueDate)))
                .OrderBy(c => c.DueDate)
                .ThenBy(c => c.Owner.Number)
                .ThenBy(c => c.CommitmentId, StringComparer.Ordinal)],
        };

    /// <summary>One row per commitment, with the follow-up status of its <see cref="ExportCells.CommitmentId"/>.</summary>
    public override IEnumerable<ExportCells> Export(Question? question, Answer answer) =>
        (answer.Commitments ?? []).Select(c => new ExportCells(c.Action, c.Organisation, ExportCells.BothEras(c.DueDate), ExportCells.Iso(c.DueDate), c.Id));
}
