using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Questions.Kinds;

/// <summary>
/// A demo question kind added without touching the bot's source: "yes" or "no" (<c>"kind": "yesNo"</c>), its texts
/// here. The answer is stored as a choice, so a group's answers are counted as the single-choice kind counts them and
/// the summary card, reports and charts show them with nothing added.
/// </summary>
internal sealed class YesNoKind() : QuestionKind("yesNo")
{
    public static readonly QuestionChoice Yes = new("yes", new LocalizedText("ใช่", "Yes"));
    public static readonly QuestionChoice No = new("no", new LocalizedText("ไม่ใช่", "No"));

    // What may be typed in the chat, besides the labels and 1 or 2.
    private static readonly string[] YesWords = ["y", "ใช่ค่ะ", "ใช่ครับ", "ค่ะ", "ครับ"];
    private static readonly string[] NoWords = ["n", "ไม่", "ไม่ค่ะ", "ไม่ครับ"];

    public override Question Define(Question question, QuestionDefinition definition) => question with { Choices = [Yes, No] };

    public override AnswerCheck Check(Question question, string raw, bool typed, DateOnly? today)
    {
        var given = ThaiDigits.ToAscii(raw.Trim()).ToLowerInvariant();
        QuestionChoice? choice = given == Yes.Value || typed && (given is "1" || Named(Yes, given) || YesWords.Contains(given)) ? Yes
            : given == No.Value || typed && (given is "2" || Named(No, given) || NoWords.Contains(given)) ? No
            : null;
        return choice is null
            ? new AnswerCheck.Invalid(Notice.Problem(UiTextKeys.ErrorChoice))
            : new AnswerCheck.Valid(new Answer { Kind = Name, Choices = [choice.Value] });
    }

    public override string? FieldValue(Answer answer) => answer.Choices is [var value] ? value : null;

    public override AdaptiveInput Input(Question question, string? prefill, Language language) =>
        new ChoiceSetInput([new Choice(Yes.Label.In(language), Yes.Value), new Choice(No.Label.In(language), No.Value)])
        {
            Style = ChoiceInputStyle.Expanded,
            Value = prefill == Yes.Value || prefill == No.Value ? prefill : null,
        };

    public override IEnumerable<AdaptiveElement> Display(Question question, Answer answer, Language language, int? previewLength) =>
        [new TextBlock(Chosen(answer)?.Label.In(language) ?? "") { Wrap = true, Weight = TextWeight.Bolder }];

    protected override bool Holds(Answer answer) => answer.Choices is [var value] && (value == Yes.Value || value == No.Value);

    public override QuestionSummary Summarize(Question question, IReadOnlyList<(Respondent Respondent, Answer Answer)> answers) =>
        SingleChoice.Summarize(question, answers);

    public override IEnumerable<ExportCells> Export(Question? question, Answer answer) => [new(Chosen(answer)?.Label.Th ?? "")];

    private static bool Named(QuestionChoice choice, string given) =>
        string.Equals(choice.Label.Th, given, StringComparison.Ordinal) || string.Equals(choice.Label.En, given, StringComparison.OrdinalIgnoreCase);

    private static QuestionChoice? Chosen(Answer answer) => answer.Choices switch { ["yes"] => Yes, ["no"] => No, _ => null };
}
