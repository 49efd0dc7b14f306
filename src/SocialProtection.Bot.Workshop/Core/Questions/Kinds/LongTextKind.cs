using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Core.Questions.Kinds;

/// <summary>
/// Free text, stored exactly as written, of at most <see cref="Question.MaxLength"/> user-perceived characters. Its
/// summary lists every answer; the summaries read them for the ideas they share.
/// </summary>
internal sealed class LongTextKind() : QuestionKind("longText", "maxLength", "placeholder")
{
    public override Question Define(Question question, QuestionDefinition definition) => question with
    {
        MaxLength = definition.Integer("maxLength", 1, QuestionLimits.MaxMaxLength, QuestionLimits.DefaultMaxLength),
        Placeholder = definition.Text("placeholder", QuestionLimits.MaxPlaceholderLength),
    };

    public override AnswerCheck Check(Question question, string raw, bool typed, DateOnly? today) =>
        AnswerValidator.CheckText(raw, question.MaxLength) is { } error
            ? new AnswerCheck.Invalid(error)
            : new AnswerCheck.Valid(new Answer { Kind = Name, Text = raw });

    public override string? FieldValue(Answer answer) => answer.Text;

    public override AdaptiveInput Input(Question question, string? prefill, Language language) => new TextInput
    {
        IsMultiline = true,
        MaxLength = QuestionLimits.MaxFieldCodeUnits(question.MaxLength),
        Placeholder = question.Placeholder?.In(language),
        Value = prefill,
    };

    public override string? Hint(Question question, Language language) =>
        UiText.Default.Format(UiTextKeys.CardLengthHint, language, question.MaxLength.ToString(CultureInfo.InvariantCulture))
        + " " + base.Hint(question, language);

    public override IEnumerable<AdaptiveElement> Display(Question question, Answer answer, Language language, int? previewLength) =>
        [UserText(answer.Text!)];

    protected override bool Holds(Answer answer) => !string.IsNullOrWhiteSpace(answer.Text);

    public override QuestionSummary Summarize(Question question, IReadOnlyList<(Respondent Respondent, Answer Answer)> answers) =>
        new TextQuestionSummary
        {
            QuestionId = question.Id,
            Kind = question.Kind.Name,
            Text = question.Text,
            AnswerCount = answers.Count,
            Answers = [.. answers.Select(a => new TextAnswer(a.Respondent, a.Answer.Text!))],
        };

    public override IEnumerable<ExportCells> Export(Question? question, Answer answer) => [new(answer.Text ?? "")];
}
