using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Core.Questions.Kinds;

/// <summary>
/// A day, picked or typed in either era ("31/12/2569", "31 ธ.ค. 69", "2026-12-31"); with notInPast, not before the
/// day it is given (a review or follow-up date). Shown in both eras.
/// </summary>
internal sealed class DateKind() : QuestionKind("date", "placeholder", "notInPast")
{
    public override Question Define(Question question, QuestionDefinition definition) => question with
    {
        Placeholder = definition.Text("placeholder", QuestionLimits.MaxPlaceholderLength),
        NotInPast = definition.Flag("notInPast"),
    };

    public override AnswerCheck Check(Question question, string raw, bool typed, DateOnly? today) =>
        AnswerValidator.CheckDate(raw, question.NotInPast ? today : null, today) switch
        {
            ({ } date, _) => new AnswerCheck.Valid(new Answer { Kind = Name, Date = date }),
            (_, var error) => new AnswerCheck.Invalid(error!),
        };

    public override string? FieldValue(Answer answer) => answer.Date is { } date ? ExportCells.Iso(date) : null;

    public override AdaptiveInput Input(Question question, string? prefill, Language language) =>
        Field(prefill, question.Placeholder?.In(language));

    /// <summary>A date picker; a text field when the participant typed what a picker cannot hold (a typo), so it is there to correct.</summary>
    public static AdaptiveInput Field(string? prefill, string? placeholder) =>
        prefill is null || DateOnly.TryParseExact(prefill, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? new DateInput { Value = prefill, Placeholder = placeholder }
            : new TextInput { Value = prefill, Placeholder = placeholder, MaxLength = 80 };

    public override IEnumerable<AdaptiveElement> Display(Question question, Answer answer, Language language, int? previewLength) =>
        [new TextBlock(CardText.Escape(ThaiDateFormatter.Format(answer.Date!.Value, language))) { Wrap = true }];

    protected override bool Holds(Answer answer) => answer.Date is not null;

    public override QuestionSummary Summarize(Question question, IReadOnlyList<(Respondent Respondent, Answer Answer)> answers) =>
        new DateQuestionSummary
        {
            QuestionId = question.Id,
            Kind = question.Kind.Name,
            Text = question.Text,
            AnswerCount = answers.Count,
            Dates = [.. answers
                .GroupBy(a => a.Answer.Date!.Value)
                .OrderBy(g => g.Key)
                .Select(g => new DateTally(g.Key, [.. g.Select(a => a.Respondent)]))],
        };

    public override IEnumerable<ExportCells> Export(Question? question, Answer answer) =>
        [answer.Date is { } date ? new(ExportCells.BothEras(date), DateIso: ExportCells.Iso(date)) : new(answer.Text ?? "")];
}
